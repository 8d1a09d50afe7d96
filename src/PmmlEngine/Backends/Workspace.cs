using PmmlEngine.Backends.Interpreter;
using PmmlEngine.Planning;
using PmmlEngine.Types;

using PmmlEngine.Backends.Compiled;

namespace PmmlEngine.Backends;

/// <summary>
/// Everything one thread needs to score records: the slot buffer, one reusable result and state per compiled model, and
/// the numeric buffers (feature vectors, scores) the models reserved at compile time. Created once, reused per record.
/// </summary>
internal sealed class Workspace
{
    public Workspace(DocumentPlan plan, Func<RowContext, int, Value>?[]? derived, IReadOnlyList<CompiledModel> models, IReadOnlyList<int> bufferSizes)
    {
        Row = new RowContext(plan, derived);
        Results = models.Select(m => new ModelResult(m.Plan.Target)).ToArray();
        States = models.Select(m => m.CreateState()).ToArray();
        Buffers = bufferSizes.Select(n => new double[n]).ToArray();
    }

    public RowContext Row { get; }

    /// <summary>Results and per-model state by <see cref="CompiledModel.Id"/>.</summary>
    public ModelResult[] Results { get; }

    public object?[] States { get; }

    /// <summary>Numeric buffers by the index a compiled model reserved at compile time.</summary>
    public double[][] Buffers { get; }
}
