package org.centinela.alerts.team;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.centinela.contract.vocabulary.Regions;
import org.centinela.platform.problem.Problem.FieldError;

/** The rules of a team body (SPEC §5, §9), each broken rule named by its JSON path. */
public final class TeamValidator {

    static final int MAX_NAME = 200;
    static final int MAX_CHANNELS = 10;
    static final int MAX_SECRET = 500;
    static final int MAX_ESCALATE_MINUTES = 7 * 24 * 60;
    static final int MAX_REPEAT_EVERY_MINUTES = 24 * 60;
    static final int MAX_REPEATS = 100;
    static final int MAX_ESCALATION_STEPS = 5;
    static final int MAX_CHAT_ID = 100;
    static final int MAX_RECIPIENTS = 10;
    private static final Pattern PHONE = Pattern.compile("^\\+[1-9]\\d{6,14}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final Regions regions;
    private final WebhookUrlPolicy urls;

    public TeamValidator(Regions regions, WebhookUrlPolicy urls) {
        this.regions = regions;
        this.urls = urls;
    }

    /**
     * @param keptSecretUrls webhook URLs whose stored secret a PUT may keep by leaving {@code secret} out
     *                       (a client that read the team back never saw the secret)
     */
    public List<FieldError> check(TeamRequest body, Set<String> keptSecretUrls) {
        List<FieldError> errors = new ArrayList<>();
        if (body.name() == null || body.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (body.name().length() > MAX_NAME) {
            errors.add(new FieldError("name", "must have at most " + MAX_NAME + " characters"));
        }
        if (body.language() != null && !List.of("es", "en").contains(body.language())) {
            errors.add(new FieldError("language", "must be es or en"));
        }
        if (body.regions() != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < body.regions().size(); i++) {
                String code = body.regions().get(i);
                if (code == null || !regions.contains(code)) {
                    errors.add(new FieldError("regions[" + i + "]", "unknown region code '" + code + "'"));
                } else if (!seen.add(code)) {
                    errors.add(new FieldError("regions[" + i + "]", "duplicate region " + code));
                }
            }
        }
        checkChannels(body.channels(), keptSecretUrls, errors);
        if (body.escalateAfterMinutes() != null
                && (body.escalateAfterMinutes() < 1 || body.escalateAfterMinutes() > MAX_ESCALATE_MINUTES)) {
            errors.add(new FieldError("escalateAfterMinutes", "must be between 1 and " + MAX_ESCALATE_MINUTES));
        }
        checkRepeats(body, errors);
        checkChainShape(body, errors);
        if (body.fallbackAfterMinutes() != null
                && (body.fallbackAfterMinutes() < 1 || body.fallbackAfterMinutes() > MAX_REPEAT_EVERY_MINUTES)) {
            errors.add(new FieldError("fallbackAfterMinutes", "must be between 1 and " + MAX_REPEAT_EVERY_MINUTES));
        }
        return errors;
    }

    /** Minutes and the place of the coordinators' step; whether the teams exist is the service's to check. */
    private static void checkChainShape(TeamRequest body, List<FieldError> errors) {
        List<EscalationStep> steps = body.escalation();
        if (steps == null) {
            return;
        }
        if (body.escalationTeamId() != null) {
            errors.add(new FieldError("escalationTeamId", "not allowed with escalation (its steps name the teams)"));
        }
        if (steps.isEmpty() || steps.size() > MAX_ESCALATION_STEPS) {
            errors.add(new FieldError("escalation", "must have 1 to " + MAX_ESCALATION_STEPS + " steps"));
            return;
        }
        // A team read back shows both; sent back unchanged they agree.
        if (body.escalateAfterMinutes() != null && steps.get(0) != null
                && !body.escalateAfterMinutes().equals(steps.get(0).afterMinutes())) {
            errors.add(new FieldError("escalateAfterMinutes", "must be the first escalation step's afterMinutes, or left out"));
        }
        for (int i = 0; i < steps.size(); i++) {
            EscalationStep step = steps.get(i);
            if (step == null || step.afterMinutes() == null || step.afterMinutes() < 1 || step.afterMinutes() > MAX_ESCALATE_MINUTES) {
                errors.add(new FieldError("escalation[" + i + "].afterMinutes", "must be between 1 and " + MAX_ESCALATE_MINUTES));
            }
            if (step != null && step.teamId() == null && i < steps.size() - 1) {
                errors.add(new FieldError("escalation[" + i + "].teamId", "only the last step may go to the coordinators"));
            }
        }
    }

    private static void checkRepeats(TeamRequest body, List<FieldError> errors) {
        Integer every = body.repeatEveryMinutes();
        if (every != null && (every < 1 || every > MAX_REPEAT_EVERY_MINUTES)) {
            errors.add(new FieldError("repeatEveryMinutes", "must be between 1 and " + MAX_REPEAT_EVERY_MINUTES));
        }
        Integer max = body.maxRepeats();
        if (max != null && (max < 0 || max > MAX_REPEATS)) {
            errors.add(new FieldError("maxRepeats", "must be between 0 and " + MAX_REPEATS));
        } else if (max != null && max > 0 && every == null) {
            errors.add(new FieldError("repeatEveryMinutes", "is required with maxRepeats"));
        }
    }

    private void checkTelegram(String at, TeamRequest.ChannelInput channel, Set<String> kept, List<FieldError> errors) {
        if (channel.chatId() == null || channel.chatId().isBlank() || channel.chatId().length() > MAX_CHAT_ID) {
            errors.add(new FieldError(at + ".chatId", "is required (at most " + MAX_CHAT_ID + " characters)"));
        }
        if (channel.botToken() == null ? !kept.contains(Channel.keptSecretKey(ChannelType.TELEGRAM, null, channel.chatId()))
                : channel.botToken().isBlank() || channel.botToken().length() > MAX_SECRET) {
            errors.add(new FieldError(at + ".botToken", "is required (at most " + MAX_SECRET + " characters)"));
        }
        if (channel.apiBaseUrl() != null) {
            urls.refusal(channel.apiBaseUrl()).ifPresent(reason -> errors.add(new FieldError(at + ".apiBaseUrl", reason)));
        }
    }

    private void checkSignal(String at, TeamRequest.ChannelInput channel, List<FieldError> errors) {
        urls.refusal(channel.url()).ifPresent(reason -> errors.add(new FieldError(at + ".url", reason)));
        if (channel.number() == null || !PHONE.matcher(channel.number()).matches()) {
            errors.add(new FieldError(at + ".number", "must be a phone number in E.164 form (+51…)"));
        }
        List<String> recipients = channel.recipients();
        if (recipients == null || recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
            errors.add(new FieldError(at + ".recipients", "must list 1 to " + MAX_RECIPIENTS + " recipients"));
        } else {
            for (int r = 0; r < recipients.size(); r++) {
                String recipient = recipients.get(r);
                if (recipient == null || recipient.isBlank() || recipient.length() > MAX_CHAT_ID) {
                    errors.add(new FieldError(at + ".recipients[" + r + "]", "must be a number or group id"));
                }
            }
        }
    }

    /** Fields of another channel type are refused, so that nothing given is silently ignored. */
    private static void checkOnlyItsFields(String at, TeamRequest.ChannelInput channel, List<FieldError> errors) {
        ChannelType type = channel.type();
        boolean telegram = type == ChannelType.TELEGRAM;
        boolean signal = type == ChannelType.SIGNAL;
        if (!telegram) {
            refuse(at, "chatId", channel.chatId(), type, errors);
            refuse(at, "botToken", channel.botToken(), type, errors);
            refuse(at, "apiBaseUrl", channel.apiBaseUrl(), type, errors);
        }
        if (!signal) {
            refuse(at, "number", channel.number(), type, errors);
            refuse(at, "recipients", channel.recipients(), type, errors);
        }
        if (telegram || signal) {
            refuse(at, "address", channel.address(), type, errors);
            refuse(at, "secret", channel.secret(), type, errors);
            refuse(at, "previousSecret", channel.previousSecret(), type, errors);
        }
        if (telegram) {
            refuse(at, "url", channel.url(), type, errors);
        }
    }

    private static void refuse(String at, String field, Object value, ChannelType type, List<FieldError> errors) {
        if (value != null) {
            errors.add(new FieldError(at + "." + field, "not allowed on a " + type + " channel"));
        }
    }

    private static void checkSecret(String at, String secret, List<FieldError> errors) {
        if (secret.length() > MAX_SECRET) {
            errors.add(new FieldError(at, "must have at most " + MAX_SECRET + " characters"));
        } else {
            WebhookSecrets.refusal(secret).ifPresent(reason -> errors.add(new FieldError(at, reason)));
        }
    }

    private void checkChannels(List<TeamRequest.ChannelInput> channels, Set<String> keptSecretUrls,
                                      List<FieldError> errors) {
        if (channels == null || channels.isEmpty()) {
            errors.add(new FieldError("channels", "a team needs at least one channel"));
            return;
        }
        if (channels.size() > MAX_CHANNELS) {
            errors.add(new FieldError("channels", "at most " + MAX_CHANNELS + " channels"));
        }
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            String at = "channels[" + i + "]";
            TeamRequest.ChannelInput channel = channels.get(i);
            if (channel == null || channel.type() == null) {
                errors.add(new FieldError(at + ".type", "is required (EMAIL, WEBHOOK, TELEGRAM or SIGNAL)"));
                continue;
            }
            checkOnlyItsFields(at, channel, errors);
            if (channel.type() == ChannelType.TELEGRAM) {
                checkTelegram(at, channel, keptSecretUrls, errors);
            } else if (channel.type() == ChannelType.SIGNAL) {
                checkSignal(at, channel, errors);
            } else if (channel.type() == ChannelType.EMAIL) {
                if (channel.address() == null || channel.address().length() > 254 || !EMAIL.matcher(channel.address()).matches()) {
                    errors.add(new FieldError(at + ".address", "must be an e-mail address"));
                }
                if (channel.url() != null) {
                    errors.add(new FieldError(at + ".url", "not allowed on an EMAIL channel"));
                }
                if (channel.secret() != null) {
                    errors.add(new FieldError(at + ".secret", "not allowed on an EMAIL channel"));
                }
                if (channel.previousSecret() != null) {
                    errors.add(new FieldError(at + ".previousSecret", "not allowed on an EMAIL channel"));
                }
            } else {
                urls.refusal(channel.url()).ifPresent(reason -> errors.add(new FieldError(at + ".url", reason)));
                if (channel.address() != null) {
                    errors.add(new FieldError(at + ".address", "not allowed on a WEBHOOK channel"));
                }
                if (channel.secret() == null ? !keptSecretUrls.contains(channel.url()) : channel.secret().isBlank()) {
                    errors.add(new FieldError(at + ".secret", "is required to sign the webhook"));
                } else if (channel.secret() != null) {
                    checkSecret(at + ".secret", channel.secret(), errors);
                }
                if (channel.previousSecret() != null) {
                    if (channel.previousSecret().isBlank()) {
                        errors.add(new FieldError(at + ".previousSecret", "must not be blank"));
                    } else {
                        checkSecret(at + ".previousSecret", channel.previousSecret(), errors);
                    }
                }
            }
            String target = switch (channel.type()) {
                case EMAIL -> channel.address();
                case TELEGRAM -> channel.chatId();
                case WEBHOOK, SIGNAL -> channel.url();
            };
            if (target != null && !targets.add(channel.type() + " " + target)) {
                errors.add(new FieldError(at, "duplicate channel"));
            }
        }
    }
}
