using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;

namespace PmmlEngine.Backends.Compiled;

/// <summary>A segment: its compiled predicate (null when it is always true, else called with <see cref="Key"/>) and its compiled model.</summary>
internal sealed record CompiledSegment(SegmentPlan Plan, Func<RowContext, int, Truth>? Predicate, int Key, CompiledModel Model);
