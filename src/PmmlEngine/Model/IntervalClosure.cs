namespace PmmlEngine.Model;

public enum IntervalClosure
{
    OpenClosed,
    OpenOpen,
    ClosedOpen,
    ClosedClosed,
}
