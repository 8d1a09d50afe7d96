namespace PmmlEngine.Onnx;

/// <summary>How trees become tensor operations (the three strategies of Hummingbird).</summary>
public enum OnnxStrategy
{
    /// <summary>By the deepest tree: GEMM up to depth 3, PerfectTreeTraversal up to depth 10 where every tree allows it, TreeTraversal beyond.</summary>
    Auto,

    /// <summary>Every test of every tree at once as matrix products, then the leaf whose path they all agree with; work grows with the node count.</summary>
    Gemm,

    /// <summary>One gather per level over the nodes' arrays (column, threshold, children); any tree shape.</summary>
    TreeTraversal,

    /// <summary>Trees padded to complete binary trees, so a child's index is computed, not looked up; shallow trees whose missing values follow a child or stop at a leaf.</summary>
    PerfectTreeTraversal,
}
