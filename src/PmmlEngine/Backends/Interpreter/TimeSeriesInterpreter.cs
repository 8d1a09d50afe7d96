using PmmlEngine.Model;
using PmmlEngine.Planning;
using PmmlEngine.Types;

namespace PmmlEngine.Backends.Interpreter;

/// <summary>
/// PMML 4.4 TimeSeriesModel forecasts h ≥ 1 periods ahead. Exponential smoothing (Gardner's forms): level L plus h·T
/// (additive), Σφⁱ·T for i ≤ h (damped additive), times Tʰ or T^Σφⁱ (multiplicative, damped), then plus or times the
/// seasonal index of that period, then the inverse of the series' transformation. ARIMA (conditional least squares):
/// the d-times differenced series continued by c + Σφᵢ·wₜ₋ᵢ − Σθⱼ·εₜ₋ⱼ with future shocks 0, then integrated back.
/// A missing or non-positive horizon means no forecast.
/// </summary>
internal static class TimeSeriesInterpreter
{
    public static ModelResult Evaluate(TimeSeriesPlan plan, RowContext row)
    {
        var result = new ModelResult(plan.Target);
        Score(plan, row, result);
        return result;
    }

    internal static void Score(TimeSeriesPlan plan, RowContext row, ModelResult result)
    {
        if (!row.Get(plan.HorizonSlot).TryGetNumber(out var horizon) || horizon < 1 || horizon != Math.Floor(horizon))
            return;
        var h = (int)horizon;
        result.Predicted = Value.Of(plan.Smoothing is { } smoothing ? Smooth(smoothing, h)
            : plan.StateSpace is { } space ? StateSpace(space, h)
            : Arima(plan.Arima!, h));
        if (plan.Arima is { Rmse: { } rmse } arima)
            result.StandardError = rmse * Math.Sqrt(PsiSquares(arima, h));
    }

    private static double Smooth(ExponentialSmoothing s, int h)
    {
        var damping = 0.0;
        for (var i = 1; i <= h; i++)
            damping += Math.Pow(s.Phi, i);
        var y = s.Trend switch
        {
            ExpoSmoothTrend.Additive => s.Level + h * s.TrendValue,
            ExpoSmoothTrend.DampedAdditive => s.Level + damping * s.TrendValue,
            ExpoSmoothTrend.Multiplicative => s.Level * Math.Pow(s.TrendValue, h),
            ExpoSmoothTrend.DampedMultiplicative => s.Level * Math.Pow(s.TrendValue, damping),
            _ => s.Level,
        };
        if (s.Seasonality != ExpoSmoothSeasonality.None)
        {
            var index = s.Seasonal[(s.SeasonalPhase + h - 1) % s.Seasonal.Length];
            y = s.Seasonality == ExpoSmoothSeasonality.Additive ? y + index : y * index;
        }
        return s.Transformation switch
        {
            ExpoSmoothTransformation.Logarithmic => Math.Exp(y),
            ExpoSmoothTransformation.Squareroot => y * y,
            _ => y,
        };
    }

    /// <summary>
    /// Σψⱼ² for j &lt; h, the ψ being the weights of the model as an infinite moving average: the AR polynomial times
    /// (1 − B)ᵈ, inverted against the MA polynomial. The h-step forecast error variance is σ² times this sum.
    /// </summary>
    private static double PsiSquares(Arima model, int h)
    {
        // (1 − Σφᵢ·Bⁱ)(1 − B)ᵈ written as 1 − Σaᵢ·Bⁱ.
        var polynomial = new List<double> { 1 };
        polynomial.AddRange(model.Ar.Select(phi => -phi));
        for (var d = 0; d < model.Differences; d++)
        {
            var next = new double[polynomial.Count + 1];
            for (var i = 0; i < polynomial.Count; i++)
            {
                next[i] += polynomial[i];
                next[i + 1] -= polynomial[i];
            }
            polynomial = [.. next];
        }
        var psi = new double[h];
        var sum = 0.0;
        for (var j = 0; j < h; j++)
        {
            psi[j] = j == 0 ? 1 : j <= model.Ma.Length ? -model.Ma[j - 1] : 0;
            for (var i = 1; i <= Math.Min(j, polynomial.Count - 1); i++)
                psi[j] -= polynomial[i] * psi[j - i];
            sum += psi[j] * psi[j];
        }
        return sum;
    }

    /// <summary>H·Fʰ·state + intercept: the state moved h steps by the transition matrix, then measured.</summary>
    private static double StateSpace(StateSpaceModel model, int h)
    {
        var state = model.State.ToArray();
        var next = new double[state.Length];
        for (var step = 0; step < h; step++)
        {
            for (var i = 0; i < state.Length; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < state.Length; j++)
                    sum += model.Transition[i][j] * state[j];
                next[i] = sum;
            }
            (state, next) = (next, state);
        }
        var y = model.Intercept;
        for (var i = 0; i < state.Length; i++)
            y += model.Measurement[i] * state[i];
        return y;
    }

    private static double Arima(Arima model, int h)
    {
        // Each differencing level keeps its series; the last level is forecast, then the levels are summed back up.
        var levels = new List<List<double>> { model.Series.ToList() };
        for (var d = 0; d < model.Differences; d++)
        {
            var previous = levels[^1];
            levels.Add(Enumerable.Range(1, previous.Count - 1).Select(i => previous[i] - previous[i - 1]).ToList());
        }
        var w = levels[^1];
        var shocks = model.Residuals.ToList();
        for (var step = 0; step < h; step++)
        {
            var next = model.Constant;
            for (var i = 0; i < model.Ar.Length; i++)
                next += model.Ar[i] * w[w.Count - 1 - i];
            for (var j = 0; j < model.Ma.Length; j++)
                next -= model.Ma[j] * shocks[shocks.Count - 1 - j];
            w.Add(next);
            shocks.Add(0);
            for (var d = levels.Count - 2; d >= 0; d--)
                levels[d].Add(levels[d][^1] + levels[d + 1][^1]);
        }
        return levels[0][^1];
    }
}
