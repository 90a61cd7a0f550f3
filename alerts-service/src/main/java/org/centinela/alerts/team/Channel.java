package org.centinela.alerts.team;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a team receives notifications: an e-mail {@code address}, or a webhook {@code url} signed with
 * {@code secret} and, while it is rotated, also with {@code previousSecret}. As stored, the secrets are FieldCipher
 * ciphertexts; as exposed, they are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Channel(ChannelType type, String address, String url, String secret, String previousSecret) {

    public static Channel email(String address) {
        return new Channel(ChannelType.EMAIL, address, null, null, null);
    }

    /** The address or URL notifications go to. */
    public String target() {
        return type == ChannelType.EMAIL ? address : url;
    }

    public Channel withoutSecret() {
        return new Channel(type, address, url, null, null);
    }
}
