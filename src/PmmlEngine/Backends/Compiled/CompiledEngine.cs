using PmmlEngine.Backends;
using PmmlEngine.Backends.Interpreter;

namespace PmmlEngine.Backends.Compiled;

/// <summary>Scores with the compiled document; parts it could not compile run the interpreter on the same slots.</summary>
internal sealed class CompiledEngine(CompiledDocument document) : ScoringEngine
{
    // Packing a large forest takes milliseconds: done on the first batch and kept, not repeated per call and thread.
    private readonly Lazy<TreeSumBatch?> _treeSum = new(() => TreeSumBatch.For(document.Top));
    private readonly Lazy<TreeSumBatch[]> _chainSums = new(() => TreeSumBatch.ForChain(document.Top));
    private readonly Lazy<TallyBatch?> _tally = new(() => TallyBatch.For(document.Top));

    public CompiledDocument Document { get; } = document;

    /// <summary>The blocked batch kernel for a top-level tree sum, or null when it does not apply.</summary>
    public TreeSumBatch? TreeSum => _treeSum.Value;

    /// <summary>The batch kernels for the tree sums of a top-level model chain (<see cref="TreeSumBatch.ForChain"/>).</summary>
    public TreeSumBatch[] ChainSums => _chainSums.Value;

    /// <summary>The blocked batch kernel for a top-level forest that averages or votes (<see cref="TallyBatch.For"/>), or null.</summary>
    public TallyBatch? Tally => _tally.Value;

    public override Workspace CreateWorkspace() => Document.CreateWorkspace();

    public override ModelResult Run(Workspace workspace) => Document.Top.Evaluate(workspace);
}
