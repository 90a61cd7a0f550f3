package org.centinela.reporting.attack;

/** What an attacker knows of a true count: it lies in [lo, hi]. */
record Interval(long lo, long hi) {

    static Interval exactly(long n) {
        return new Interval(n, n);
    }

    Interval minus(Interval other) {
        return new Interval(lo - other.hi, hi - other.lo);
    }

    Interval plus(Interval other) {
        return new Interval(lo + other.lo, hi + other.hi);
    }

    Interval intersect(Interval other) {
        return new Interval(Math.max(lo, other.lo), Math.min(hi, other.hi));
    }

    Interval atLeast(long floor) {
        return new Interval(Math.max(lo, floor), Math.max(hi, floor));
    }

    boolean contains(long n) {
        return lo <= n && n <= hi;
    }

    boolean determined() {
        return lo == hi;
    }

    @Override
    public String toString() {
        return lo == hi ? "exactly " + lo : "[" + lo + ", " + hi + "]";
    }
}
