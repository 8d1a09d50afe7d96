using System.Globalization;
using PmmlEngine.Evaluation;
using PmmlEngine.Types;

namespace PmmlEngine.Tests.Evaluation;

/// <summary>A CSV file in the numeric batch layout: one column per input field, categories as indexes, NaN missing.</summary>
internal static class BatchInputs
{
    /// <param name="missingEvery">Every n-th input is made missing (0: none).</param>
    public static double[] Read(PmmlEvaluator evaluator, string csv, int missingEvery = 0)
    {
        var table = CsvTable.Read(csv);
        var fields = evaluator.InputFields;
        var rows = table.Rows.Count;
        var inputs = new double[rows * fields.Count];
        for (var r = 0; r < rows; r++)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                var column = table.Column(fields[i].Name);
                var text = column < 0 ? "" : table.Rows[r][column];
                inputs[r * fields.Count + i] = missingEvery > 0 && (r + i) % missingEvery == 0 || text is "" or "NA" or "N/A" ? double.NaN : Encode(fields[i], text);
            }
        }
        return inputs;
    }

    public static bool IsCoded(FieldDescription field) => field.Values.Count > 0 && field.OpType != OpType.Continuous && field.DataType == DataType.String;

    private static double Encode(FieldDescription field, string text)
    {
        if (!IsCoded(field))
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : double.NaN;
        return field.Values.ToList().FindIndex(v => Equals(Convert.ToString(v, CultureInfo.InvariantCulture), text));
    }
}
