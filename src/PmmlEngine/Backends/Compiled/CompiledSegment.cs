using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;

namespace PmmlEngine.Backends.Compiled;

/// <summary>A segment: its compiled predicate (null when it is always true) and its compiled model.</summary>
internal sealed record CompiledSegment(SegmentPlan Plan, Func<RowContext, Truth>? Predicate, CompiledModel Model);
