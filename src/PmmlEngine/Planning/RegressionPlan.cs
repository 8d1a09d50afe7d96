using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

public sealed class RegressionPlan : ModelPlan
{
    public required RegressionTablePlan[] Tables { get; init; }
    public RegressionNormalization Normalization { get; init; }
}
