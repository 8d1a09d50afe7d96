using System.Text;
using PmmlEngine.Errors;
using PmmlEngine.Evaluation;
using PmmlScore;

namespace PmmlEngine.Fuzz;

/// <summary>
/// The fuzzed entry points. Each accepts any bytes; the errors the engine promises for bad input (PmmlException and
/// its markup/evaluation kinds, CsvInputException) are the expected outcome, anything else escapes and is a crash.
/// </summary>
internal static class Harnesses
{
    /// <summary>A whole document through the loader, then one record of typical values through every result.</summary>
    public static void Loader(Stream input)
    {
        try
        {
            var evaluator = PmmlEvaluator.Load(input);
            var record = evaluator.InputFields.ToDictionary(f => f.Name, f => f.Values.Count > 0 ? f.Values[0] : (object?)"1");
            evaluator.Evaluate(record);
        }
        catch (PmmlException)
        {
        }
    }

    /// <summary>The input as the expression of a derived field over two fields, scored on three records.</summary>
    public static void Expression(Stream input)
    {
        var expression = new StreamReader(input, Encoding.UTF8).ReadToEnd();
        var document = $"""
            <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/>
              <DataDictionary>
                <DataField name="x" optype="continuous" dataType="double"/>
                <DataField name="s" optype="categorical" dataType="string"/>
              </DataDictionary>
              <TransformationDictionary><DerivedField name="d" optype="continuous" dataType="double">{expression}</DerivedField></TransformationDictionary>
              <RegressionModel functionName="regression">
                <MiningSchema><MiningField name="x"/><MiningField name="s"/></MiningSchema>
                <Output><OutputField name="out" feature="transformedValue" dataType="string"><FieldRef field="d"/></OutputField></Output>
                <RegressionTable intercept="0"/>
              </RegressionModel>
            </PMML>
            """;
        try
        {
            var evaluator = PmmlEvaluator.Load(new MemoryStream(Encoding.UTF8.GetBytes(document)));
            foreach (var (x, s) in new (object?, object?)[] { (1.5, "a"), (null, null), (-1e308, "") })
                evaluator.Evaluate(new Dictionary<string, object?> { ["x"] = x, ["s"] = s });
        }
        catch (PmmlException)
        {
        }
    }

    private static readonly Lazy<PmmlEvaluator> CsvModel = new(() =>
        PmmlEvaluator.Load(Path.Combine(AppContext.BaseDirectory, "gbdt-ensemble.pmml")));

    /// <summary>The input as a CSV file scored by pmml-score's streaming scorer.</summary>
    public static void Csv(Stream input)
    {
        try
        {
            CsvScorer.Score(CsvModel.Value, new StreamReader(input, Encoding.UTF8), TextWriter.Null, new ScoreOptions());
        }
        catch (CsvInputException)
        {
        }
    }
}
