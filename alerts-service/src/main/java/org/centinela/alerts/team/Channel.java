package org.centinela.alerts.team;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Where a team receives notifications: an e-mail {@code address}; a webhook {@code url} signed with {@code secret}
 * and, while it is rotated, also with {@code previousSecret}; a Telegram {@code chatId} through the bot of
 * {@code botToken} at {@code apiBaseUrl} (default the public Bot API); or a Signal bridge at {@code url} sending
 * from {@code number} to {@code recipients}. As stored, secrets and bot tokens are FieldCipher ciphertexts; as
 * exposed, they are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Channel(ChannelType type, String address, String url, String secret, String previousSecret,
                      String chatId, String botToken, String apiBaseUrl, String number, List<String> recipients) {

    public static final String TELEGRAM_API = "https://api.telegram.org";

    public static Channel email(String address) {
        return new Channel(ChannelType.EMAIL, address, null, null, null, null, null, null, null, null);
    }

    public static Channel webhook(String url, String secret, String previousSecret) {
        return new Channel(ChannelType.WEBHOOK, null, url, secret, previousSecret, null, null, null, null, null);
    }

    /** The address or base URL notifications go to (never a bot token). */
    public String target() {
        return switch (type) {
            case EMAIL -> address;
            case WEBHOOK, SIGNAL -> url;
            case TELEGRAM -> apiBaseUrl == null ? TELEGRAM_API : apiBaseUrl;
        };
    }

    /** The encrypted credential a delivery keeps: the webhook secret or the bot token. */
    public String credential() {
        return type == ChannelType.TELEGRAM ? botToken : secret;
    }

    /** The key under which a PUT may keep a stored secret or bot token it leaves out. */
    public String keptSecretKey() {
        return keptSecretKey(type, url, chatId);
    }

    static String keptSecretKey(ChannelType type, String url, String chatId) {
        return type == ChannelType.TELEGRAM ? "TELEGRAM " + chatId : url;
    }

    public Channel withoutSecret() {
        return new Channel(type, address, url, null, null, chatId, null, apiBaseUrl, number, recipients);
    }
}
