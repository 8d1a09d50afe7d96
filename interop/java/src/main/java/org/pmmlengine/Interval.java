package org.pmmlengine;

/** A continuous input's valid interval; closure is openClosed, openOpen, closedOpen or closedClosed. */
public record Interval(String closure, double left, double right) {
    public boolean contains(double x) {
        boolean aboveLeft = closure.startsWith("closed") ? x >= left : x > left;
        boolean belowRight = closure.endsWith("Closed") ? x <= right : x < right;
        return aboveLeft && belowRight;
    }
}
