using System.Collections.Immutable;

namespace PmmlEngine.Model;

/// <summary>PMML 4.4 GaussianProcessModel: a covariance kernel and the training instances the prediction conditions on.</summary>
public sealed record GaussianProcessModel : ModelElement
{
    public required GaussianProcessKernel Kernel { get; init; }

    /// <summary>InstanceFields: field name → InlineTable column.</summary>
    public required ImmutableArray<(string Field, string Column)> InstanceFields { get; init; }

    public required InlineTable Instances { get; init; }
}
