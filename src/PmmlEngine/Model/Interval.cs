using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>An Interval of a continuous domain; absent margins are infinite.</summary>
public sealed record Interval(IntervalClosure Closure, double Left, double Right)
{
    public bool Contains(double x) => Closure switch
    {
        IntervalClosure.OpenOpen => x > Left && x < Right,
        IntervalClosure.OpenClosed => x > Left && x <= Right,
        IntervalClosure.ClosedOpen => x >= Left && x < Right,
        _ => x >= Left && x <= Right,
    };
}
