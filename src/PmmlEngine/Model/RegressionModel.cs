using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

public sealed record RegressionModel : ModelElement
{
    public required ImmutableArray<RegressionTable> Tables { get; init; }
    public RegressionNormalization Normalization { get; init; }
}
