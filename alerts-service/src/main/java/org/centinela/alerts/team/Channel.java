package org.centinela.alerts.team;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a team receives notifications: an e-mail {@code address}, or a webhook {@code url} signed with
 * {@code secret}. As stored, {@code secret} is the FieldCipher ciphertext; as exposed, it is left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Channel(ChannelType type, String address, String url, String secret) {

    /** The address or URL notifications go to. */
    public String target() {
        return type == ChannelType.EMAIL ? address : url;
    }

    public Channel withoutSecret() {
        return new Channel(type, address, url, null);
    }
}
