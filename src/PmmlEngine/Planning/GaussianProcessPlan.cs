using PmmlEngine.Model;

namespace PmmlEngine.Planning;

/// <summary>
/// A GaussianProcessModel conditioned at load: α = (K + σ²I)⁻¹·y for the mean and the Cholesky factor L of K + σ²I for
/// the variance, so a record costs one kernel row, a dot product and one triangular solve.
/// </summary>
public sealed class GaussianProcessPlan : ModelPlan
{
    public required GaussianProcessKernel Kernel { get; init; }
    public required int[] InputSlots { get; init; }
    public required double[][] Instances { get; init; }
    public required double[] Alpha { get; init; }

    /// <summary>Row i of the lower-triangular Cholesky factor, entries 0..i.</summary>
    public required double[][] Cholesky { get; init; }
}
