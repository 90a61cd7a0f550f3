package org.centinela.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies in nanoseconds, recorded from any thread, read as milliseconds. */
final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(3);

    void record(long nanos) {
        histogram.recordValue(Math.max(0, nanos));
    }

    long count() {
        return histogram.getTotalCount();
    }

    double percentileMillis(double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
    }

    double maxMillis() {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1e6;
    }

    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", count());
        summary.put("p50Ms", Format.round(percentileMillis(50)));
        summary.put("p90Ms", Format.round(percentileMillis(90)));
        summary.put("p99Ms", Format.round(percentileMillis(99)));
        summary.put("p999Ms", Format.round(percentileMillis(99.9)));
        summary.put("maxMs", Format.round(maxMillis()));
        return summary;
    }
}
