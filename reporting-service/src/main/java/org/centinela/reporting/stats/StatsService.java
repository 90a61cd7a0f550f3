package org.centinela.reporting.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.centinela.contract.vocabulary.Regions;
import org.centinela.reporting.ReportingConfig;
import org.centinela.reporting.aggregate.ServedVersion;
import org.centinela.reporting.disclosure.CellKeyMethod;
import org.centinela.reporting.disclosure.Coins;
import org.centinela.reporting.disclosure.RecordKeys;

/**
 * Answers stats requests with a body and its strong ETag. The ETag is the served version plus a digest of the
 * endpoint, the canonical query and whether figures are exact: the body (asOf included) is a function of exactly
 * these, so the ETag changes exactly when the body does, and it is known without reading any aggregate, which
 * makes a 304 cost no query. Bodies of recent (version, request) pairs are kept, so many dashboards polling the
 * same figures cost one query per change.
 */
@ApplicationScoped
public class StatsService {

    private static final int CACHED_BODIES = 512;
    private static final int CACHED_QUESTIONS = 512;

    private final StatsRepository repository;
    private final ServedVersion servedVersion;
    private final Reports reports;
    private final ObjectMapper json;
    private final int k;
    private final RecordKeys keys;
    private final CellKeyMethod method;
    private final SmallCellSuppression suppression;
    private final Map<String, String> bodies = leastRecentlyUsed(CACHED_BODIES);
    private final Map<String, String> questionDigests = leastRecentlyUsed(CACHED_QUESTIONS);

    public StatsService(StatsRepository repository, ServedVersion servedVersion, ReportingConfig config,
                        Regions regions, ObjectMapper json, RecordKeys keys) {
        this.repository = repository;
        this.servedVersion = servedVersion;
        this.k = config.suppressionThreshold();
        this.reports = new Reports(regions);
        this.json = json;
        this.keys = keys;
        this.method = new CellKeyMethod(k);
        this.suppression = new SmallCellSuppression(k);
    }

    public enum Kind { SUMMARY, TIMESERIES, ALERTS, SUMMARY_CSV, TIMESERIES_CSV }

    public record Answer(String etag, String body) {
    }

    /** The ETag the current figures would have; no aggregate is read. */
    public String currentEtag(Kind kind, StatsRequest request) {
        return etag(servedVersion.current(), kind, request);
    }

    public Answer answer(Kind kind, StatsRequest request) {
        String expected = currentEtag(kind, request);
        String cached = cached(expected);
        if (cached != null) {
            return new Answer(expected, cached);
        }
        Snapshot<Cells> snapshot = switch (kind) {
            case SUMMARY, SUMMARY_CSV -> repository.summary(request.filter());
            case TIMESERIES, TIMESERIES_CSV -> repository.timeseries(request.filter(), request.interval(), request.groupBy());
            case ALERTS -> repository.alerts(request.filter());
        };
        Protection protection = request.exact() ? null : protection(kind, request, snapshot.data());
        String body = switch (kind) {
            case SUMMARY -> write(reports.summary(snapshot, request.filter(), protection));
            case SUMMARY_CSV -> Csv.summary(reports.summary(snapshot, request.filter(), protection));
            case TIMESERIES -> write(reports.timeseries(snapshot, request.filter(), request.interval(),
                    request.groupBy(), protection));
            case TIMESERIES_CSV -> Csv.timeseries(reports.timeseries(snapshot, request.filter(), request.interval(),
                    request.groupBy(), protection));
            case ALERTS -> write(reports.alerts(snapshot, protection));
        };
        servedVersion.advance(snapshot.version());
        String etag = etag(snapshot.version(), kind, request);
        synchronized (bodies) {
            bodies.put(etag, body);
        }
        return new Answer(etag, body);
    }

    /**
     * The coins of a response depend on its question and on the records it covers (count and key sum), so that a
     * small cell's null or 0 changes when any record of the response does, never alone, and a summary and its CSV
     * (one question) draw the same ones.
     */
    private Protection protection(Kind kind, StatsRequest request, Cells cells) {
        long n;
        long keySum;
        switch (kind) {
            case ALERTS -> {
                n = cells.count("total", "raised");
                keySum = cells.keySum("total", "raised");
            }
            case TIMESERIES, TIMESERIES_CSV -> {
                n = 0;
                keySum = 0;
                for (String period : cells.dimension("period").keySet()) {
                    n += cells.count("period", period);
                    keySum += cells.keySum("period", period);
                }
            }
            default -> {
                n = cells.count("total", "incidents");
                keySum = cells.keySum("total", "incidents");
            }
        }
        String question = (kind == Kind.SUMMARY_CSV ? Kind.SUMMARY : kind == Kind.TIMESERIES_CSV ? Kind.TIMESERIES : kind)
                + "?" + request.canonical();
        long seed = keys.seed(question + "#" + n + "#" + Math.floorMod(keySum, RecordKeys.MODULUS));
        return new Protection(method, suppression, new Coins(seed));
    }

    private String cached(String etag) {
        synchronized (bodies) {
            return bodies.get(etag);
        }
    }

    private String etag(long version, Kind kind, StatsRequest request) {
        String question = kind + "?" + request.canonical() + "#exact=" + request.exact();
        String digest;
        synchronized (questionDigests) {
            digest = questionDigests.computeIfAbsent(question, this::digest);
        }
        return "\"" + version + "-" + digest + "\"";
    }

    /** The question's part of its ETag: the same for every version, so dashboards polling one question hash it once. */
    private String digest(String question) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((question + "#k=" + k + "#keys=" + keys.fingerprint()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> leastRecentlyUsed(int capacity) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
