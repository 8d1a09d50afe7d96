using MathNet.Numerics.LinearAlgebra;
using PmmlEngine.Errors;
using PmmlEngine.Functions;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

internal sealed class GaussianProcessPlanner(ModelPlanner models)
{
    public GaussianProcessPlan Plan(GaussianProcessModel model, Scope scope, TargetPlan target, int[] active)
    {
        var context = models.Context;
        var columns = model.InstanceFields.ToDictionary(f => f.Field, f => f.Column);
        var inputs = model.MiningSchema.Where(f => f.UsageType == UsageType.Active).Select(f => f.Name).ToArray();
        var kernel = model.Kernel;
        if (kernel.Type != GaussianProcessKernelType.RadialBasis && kernel.Lambda.Length != inputs.Length)
            context.Error(MarkupProblemKind.InvalidElement, $"the kernel's Lambda has {kernel.Lambda.Length} length scales for {inputs.Length} inputs", model.Location);
        string Column(string field)
        {
            if (columns.TryGetValue(field, out var column))
                return column;
            context.Error(MarkupProblemKind.MissingElement, $"field '{field}' has no InstanceField in TrainingInstances", model.Location);
            return field;
        }
        double Number(IReadOnlyDictionary<string, string> row, string column)
        {
            if (row.TryGetValue(column, out var text) && ValueParser.TryParseDouble(text, out var x) && double.IsFinite(x))
                return x;
            context.Error(MarkupProblemKind.InvalidElement, $"training instance column '{column}' needs a number in every row", model.Location);
            return 0;
        }
        var inputColumns = inputs.Select(Column).ToArray();
        var rows = model.Instances.Rows;
        var instances = rows.Select(r => inputColumns.Select(c => Number(r, c)).ToArray()).ToArray();
        var targetColumn = target.FieldName is { } name ? Column(name) : null;
        var y = rows.Select(r => targetColumn is null ? 0 : Number(r, targetColumn)).ToArray();
        if (model.Function != MiningFunction.Regression)
            context.Error(MarkupProblemKind.UnsupportedAttribute, "GaussianProcessModel supports functionName='regression'", model.Location);

        var n = instances.Length;
        var covariance = Matrix<double>.Build.Dense(n, n, (i, j) =>
            GaussianProcessKernels.Covariance(kernel, instances[i], instances[j]) + (i == j ? kernel.NoiseVariance : 0));
        double[] alpha = new double[n];
        double[][] cholesky = [];
        if (n > 0)
        {
            try
            {
                var factor = covariance.Cholesky();
                alpha = factor.Solve(Vector<double>.Build.DenseOfArray(y)).ToArray();
                cholesky = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, i + 1).Select(j => factor.Factor[i, j]).ToArray()).ToArray();
            }
            catch (ArgumentException)
            {
                context.Error(MarkupProblemKind.InvalidElement, "the training covariance is not positive definite (noiseVariance too small for duplicate instances?)", model.Location);
            }
        }
        return new GaussianProcessPlan
        {
            Element = model,
            Target = target,
            ActiveSlots = active,
            Kernel = kernel,
            InputSlots = active,
            Instances = instances,
            Alpha = alpha,
            Cholesky = cholesky,
        };
    }
}
