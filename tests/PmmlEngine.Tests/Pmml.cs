using System.Text;
using PmmlEngine.Evaluation;

namespace PmmlEngine.Tests;

/// <summary>Builds small documents for tests.</summary>
internal static class Pmml
{
    public static PmmlEvaluator Load(string xml) => PmmlEvaluator.Load(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    /// <summary>A document with the given DataDictionary fields and model element.</summary>
    public static string Document(string dataFields, string model) => $"""
        <?xml version="1.0"?>
        <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
          <Header/>
          <DataDictionary>
        {dataFields}
          </DataDictionary>
        {model}
        </PMML>
        """;

    /// <summary>A target field "t": a double for regression, else the categories "a" and "b".</summary>
    public static string Target(string function) => function == "regression"
        ? """<DataField name="t" optype="continuous" dataType="double"/>"""
        : """<DataField name="t" optype="categorical" dataType="string"><Value value="a"/><Value value="b"/></DataField>""";

    /// <summary>The document loaded once per backend; each must compile whole, with no part left to the interpreter.</summary>
    public static IEnumerable<PmmlEvaluator> LoadBoth(string xml)
    {
        foreach (var backend in new[] { Backend.Interpreter, Backend.Compiled })
        {
            var evaluator = PmmlEvaluator.Load(new MemoryStream(Encoding.UTF8.GetBytes(xml)), new EvaluatorOptions { Backend = backend });
            Assert.That(evaluator.CompilationFallbacks, Is.Empty);
            yield return evaluator;
        }
    }

    /// <summary>Both backends reject the record with an evaluation error that names <paramref name="field"/>.</summary>
    public static void AssertRejects(string xml, string field, params (string Name, object? Value)[] values)
    {
        foreach (var evaluator in LoadBoth(xml))
        {
            var error = Assert.Throws<Errors.PmmlEvaluationException>(() => evaluator.Evaluate(Row(values)), evaluator.Backend.ToString());
            Assert.That(error!.Field, Is.EqualTo(field), error.Message);
        }
    }

    public static Dictionary<string, object?> Row(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);
}
