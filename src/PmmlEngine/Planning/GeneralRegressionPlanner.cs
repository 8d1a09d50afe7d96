using PmmlEngine.Errors;
using PmmlEngine.Model;
using PmmlEngine.Types;

namespace PmmlEngine.Planning;

internal sealed class GeneralRegressionPlanner(ModelPlanner models)
{
    private PlanningContext Context => models.Context;

    public static IEnumerable<string> Categories(GeneralRegressionModel model) =>
        model.ParamMatrix.Select(c => c.TargetCategory).Append(model.TargetReferenceCategory).OfType<string>();

    public GeneralRegressionPlan Plan(GeneralRegressionModel model, Scope scope, TargetPlan target, int[] active)
    {

        var parameters = model.Parameters.ToList();
        var terms = parameters.Select(_ => new List<GrTerm>()).ToArray();
        foreach (var cell in model.PPMatrix)
        {
            var p = parameters.IndexOf(cell.Parameter);
            if (p < 0)
            {
                Context.Error(MarkupProblemKind.InvalidAttribute, $"PPCell refers to parameter '{cell.Parameter}', which the ParameterList does not define", cell.Location);
                continue;
            }
            var category = cell.TargetCategory is { } c ? target.IndexOf(Context.Parse(c, target.DataType, cell.Location)) : -1;
            if (cell.TargetCategory is not null && category < 0)
                Context.Error(MarkupProblemKind.InvalidAttribute, $"PPCell targetCategory '{cell.TargetCategory}' is not a category of the target", cell.Location);
            var slot = Context.Resolve(scope, cell.Predictor, cell.Location, "PPCell predictor");
            var contrast = model.ContrastMatrices.FirstOrDefault(c => c.Factor == cell.Predictor);
            if (model.Factors.Contains(cell.Predictor) && contrast.Factor is not null)
                terms[p].Add(ContrastTerm(slot, cell, category, contrast.Categories, contrast.Matrix));
            else if (model.Factors.Contains(cell.Predictor))
                terms[p].Add(new GrTerm(slot, Context.Parse(cell.Value, Context.TypeOf(slot), cell.Location), 1, category));
            else if (model.Covariates.Contains(cell.Predictor) && ValueParser.TryParseDouble(cell.Value, out var exponent))
                terms[p].Add(new GrTerm(slot, Value.Missing, exponent, category));
            else
                Context.Error(MarkupProblemKind.InvalidAttribute,
                    $"PPCell predictor '{cell.Predictor}' must be in the FactorList, or in the CovariateList with a numeric value", cell.Location);
        }

        var (equations, categories) = Equations(model, parameters, target);
        var cox = model.ModelType == GeneralRegressionType.CoxRegression ? PlanCox(model, scope, equations[0]) : null;
        return new GeneralRegressionPlan
        {
            Element = model,
            Target = target,
            ActiveSlots = active,
            Type = model.ModelType,
            Parameters = terms.Select(t => t.ToArray()).ToArray(),
            PerCategoryTerms = terms.Any(t => t.Any(term => term.Category >= 0)),
            OwnTerms = Enumerable.Range(0, target.Categories.Length).Select(k => terms.Any(t => t.Any(term => term.Category == k))).ToArray(),
            Equations = equations,
            EquationCategories = categories,
            Link = model.Link ?? GlmLink.Identity,
            LinkParameter = model.Link == GlmLink.Negbin ? model.DistParameter ?? 1.0 : model.LinkParameter ?? 1.0,
            Cumulative = model.CumulativeLink ?? CumulativeLink.Logit,
            OffsetSlot = model.OffsetVariable is { } offset ? Context.Resolve(scope, offset, model.Location, "offsetVariable") : -1,
            Offset = model.OffsetValue ?? 0.0,
            TrialsSlot = model.TrialsVariable is { } trials ? Context.Resolve(scope, trials, model.Location, "trialsVariable") : -1,
            Trials = model.TrialsValue ?? 1.0,
            Cox = cox,
            Covariance = Covariance(model, parameters),
        };
    }

    /// <summary>A factor term read from its contrast matrix: the column is the PPCell's category among the factor's Categories.</summary>
    private GrTerm ContrastTerm(int slot, PPCell cell, int category, System.Collections.Immutable.ImmutableArray<string> categories,
        System.Collections.Immutable.ImmutableArray<System.Collections.Immutable.ImmutableArray<double>> matrix)
    {
        var type = Context.TypeOf(slot);
        var values = categories.Select(c => Context.Parse(c, type, cell.Location)).ToArray();
        var column = Array.IndexOf(values, Context.Parse(cell.Value, type, cell.Location));
        if (column < 0 || matrix.Length != values.Length || matrix.Any(r => r.Length <= column))
            Context.Error(MarkupProblemKind.InvalidElement,
                $"the contrast matrix of factor '{cell.Predictor}' needs a row per category and a column for PPCell value '{cell.Value}'", cell.Location);
        return new GrTerm(slot, Value.Missing, 1, category)
        {
            ContrastCategories = values,
            Contrast = matrix.Select(r => r.ToArray()).ToArray(),
            Factor = cell.Predictor,
            Column = Math.Max(0, column),
        };
    }

    private double[][]? Covariance(GeneralRegressionModel model, List<string> parameters)
    {
        if (model.Covariances.Length == 0)
            return null;
        var matrix = parameters.Select(_ => new double[parameters.Count]).ToArray();
        foreach (var (row, column, value) in model.Covariances)
        {
            var (i, j) = (parameters.IndexOf(row), parameters.IndexOf(column));
            if (i < 0 || j < 0)
            {
                Context.Error(MarkupProblemKind.InvalidAttribute, $"PCovCell refers to parameter '{(i < 0 ? row : column)}', which the ParameterList does not define", model.Location);
                continue;
            }
            matrix[i][j] = matrix[j][i] = value;
        }
        return matrix;
    }

    /// <summary>The time and stratum fields, the baselines, and Σβ·referencePoint, which the hazard ratio is centred on.</summary>
    private CoxPlan? PlanCox(GeneralRegressionModel model, Scope scope, double[] coefficients)
    {
        if (model.EndTimeVariable is null || model.Baselines.Length == 0)
        {
            Context.Error(MarkupProblemKind.MissingElement, "CoxRegression needs an endTimeVariable and BaseCumHazardTables", model.Location);
            return null;
        }
        var time = Context.Resolve(scope, model.EndTimeVariable, model.Location, "endTimeVariable");
        var strata = model.BaselineStrataVariable is { } s ? Context.Resolve(scope, s, model.Location, "baselineStrataVariable") : -1;
        var shift = 0.0;
        for (var p = 0; p < Math.Min(coefficients.Length, model.ReferencePoints.Length); p++)
            shift += coefficients[p] * model.ReferencePoints[p];
        return new CoxPlan(time, strata, shift, model.Baselines.Select(b => new CoxBaselinePlan(
            b.Value is null ? Value.Missing : Context.Parse(b.Value, Context.TypeOf(strata), model.Location), b.MaxTime,
            b.Cells.Select(c => c.Time).ToArray(), b.Cells.Select(c => c.CumulativeHazard).ToArray())).ToArray());
    }

    /// <summary>
    /// One equation for regression models; one per category with coefficients otherwise, in the target's order. The
    /// reference category of a multinomial model has none (its linear predictor is 0), nor has the last category of an
    /// ordinal one; an ordinal equation takes the category's own cells (its intercept) and the cells shared by all.
    /// </summary>
    private (double[][] Equations, int[] Categories) Equations(GeneralRegressionModel model, List<string> parameters, TargetPlan target)
    {
        int Parameter(PCell cell)
        {
            var p = parameters.IndexOf(cell.Parameter);
            if (p < 0)
                Context.Error(MarkupProblemKind.InvalidAttribute, $"PCell refers to parameter '{cell.Parameter}', which the ParameterList does not define", cell.Location);
            return p;
        }
        var classification = model.Function == MiningFunction.Classification;
        if (!classification)
        {
            var row = new double[parameters.Count];
            foreach (var cell in model.ParamMatrix)
                if (Parameter(cell) is var p and >= 0)
                    row[p] += cell.Beta;
            return ([row], [-1]);
        }
        if (model.ModelType is not (GeneralRegressionType.MultinomialLogistic or GeneralRegressionType.OrdinalMultinomial))
            Context.Error(MarkupProblemKind.InvalidAttribute, $"a classification GeneralRegressionModel must be multinomialLogistic or ordinalMultinomial, not {model.ModelType}", model.Location);

        var shared = new double[parameters.Count];
        var rows = new Dictionary<int, double[]>();
        foreach (var cell in model.ParamMatrix)
        {
            var p = Parameter(cell);
            if (p < 0)
                continue;
            if (cell.TargetCategory is null)
            {
                shared[p] += cell.Beta;
                continue;
            }
            var k = target.IndexOf(Context.Parse(cell.TargetCategory, target.DataType, cell.Location));
            if (k < 0)
                continue;
            if (!rows.TryGetValue(k, out var row))
                rows[k] = row = new double[parameters.Count];
            row[p] += cell.Beta;
        }
        if (target.Categories.Length < 2)
            Context.Error(MarkupProblemKind.InvalidElement, "a classification GeneralRegressionModel needs at least two target categories", model.Location);
        var equationCategories = model.ModelType == GeneralRegressionType.OrdinalMultinomial
            ? Enumerable.Range(0, Math.Max(0, target.Categories.Length - 1)).ToArray()
            : rows.Keys.Order().ToArray();
        if (model.ModelType == GeneralRegressionType.MultinomialLogistic && model.TargetReferenceCategory is { } reference
            && target.IndexOf(Context.Parse(reference, target.DataType, model.Location)) is var r and >= 0 && rows.ContainsKey(r))
            Context.Error(MarkupProblemKind.InvalidElement, $"the reference category '{reference}' must not have coefficients", model.Location);
        var equations = equationCategories.Select(k =>
        {
            var own = rows.TryGetValue(k, out var row) ? row : new double[parameters.Count];
            return own.Select((beta, p) => beta + shared[p]).ToArray();
        }).ToArray();
        return (equations, equationCategories);
    }
}
