using PmmlEngine.Errors;

namespace PmmlEngine.Tests.Functions;

/// <summary>Built-in functions through Apply, with values worked out from the PMML 4.4 definitions.</summary>
public sealed class BuiltinFunctionTests
{
    private static object? Apply(string apply, params (string Name, object? Value)[] inputs)
    {
        var xml = Pmml.Document(
            """
            <DataField name="a" optype="continuous" dataType="double"/>
            <DataField name="b" optype="continuous" dataType="double"/>
            <DataField name="s" optype="categorical" dataType="string"/>
            <DataField name="d" optype="continuous" dataType="date"/>
            <DataField name="y" optype="continuous" dataType="double"/>
            """,
            $"""
            <RegressionModel functionName="regression">
              <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="a"/><MiningField name="b"/><MiningField name="s"/><MiningField name="d"/></MiningSchema>
              <Output><OutputField name="r" feature="transformedValue" dataType="string">{apply}</OutputField></Output>
              <RegressionTable intercept="0"/>
            </RegressionModel>
            """);
        return Pmml.Load(xml).Evaluate(Pmml.Row(inputs))["r"];
    }

    private static string A(string function, string args, string extra = "") => $"<Apply function=\"{function}\" {extra}>{args}</Apply>";
    private const string FA = "<FieldRef field=\"a\"/>";
    private const string FB = "<FieldRef field=\"b\"/>";
    private const string FS = "<FieldRef field=\"s\"/>";
    private static string C(string v, string type = "double") => $"<Constant dataType=\"{type}\">{v}</Constant>";

    [TestCase("+", 7.0)]
    [TestCase("-", -1.0)]
    [TestCase("*", 12.0)]
    [TestCase("/", 0.75)]
    [TestCase("pow", 81.0)]
    [TestCase("modulo", 3.0)]
    [TestCase("threshold", 0.0)]
    [TestCase("hypot", 5.0)]
    public void Binary_OnThreeAndFour(string function, double expected) =>
        Assert.That(Apply(A(function, FA + FB), ("a", 3.0), ("b", 4.0)), Is.EqualTo(expected.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [TestCase("round", 2.5, "3")]
    [TestCase("round", -2.5, "-2")]
    [TestCase("rint", 2.5, "2")]
    [TestCase("floor", -1.5, "-2")]
    [TestCase("ceil", -1.5, "-1")]
    [TestCase("abs", -1.5, "1.5")]
    [TestCase("sqrt", 2.25, "1.5")]
    [TestCase("log10", 1000, "3")]
    [TestCase("stdNormalCDF", 0, "0.5")]
    [TestCase("erf", 0, "0")]
    public void Unary(string function, double a, string expected) => Assert.That(Apply(A(function, FA), ("a", a)), Is.EqualTo(expected));

    [Test]
    public void Modulo_NegativeDividend_TakesDivisorSign() => Assert.That(Apply(A("modulo", FA + FB), ("a", -7.0), ("b", 3.0)), Is.EqualTo("2"));

    [Test]
    public void Aggregates_IgnoreMissingArguments()
    {
        Assert.That(Apply(A("avg", FA + FB + C("6")), ("a", 2.0), ("b", null)), Is.EqualTo("4"));
        Assert.That(Apply(A("median", FA + FB + C("6") + C("1")), ("a", 2.0), ("b", 10.0)), Is.EqualTo("4"));
        Assert.That(Apply(A("product", FA + FB), ("a", 2.0), ("b", null)), Is.EqualTo("2"));
    }

    [Test]
    public void Arithmetic_MissingArgument_MapMissingTo()
    {
        Assert.That(Apply(A("+", FA + FB), ("a", 1.0)), Is.Null);
        Assert.That(Apply(A("+", FA + FB, "mapMissingTo=\"-1\""), ("a", 1.0)), Is.EqualTo("-1"));
    }

    [Test]
    public void InvalidResult_ReturnInvalid_Throws_AsMissing_DefaultValue()
    {
        Assert.Throws<PmmlEvaluationException>(() => Apply(A("sqrt", FA), ("a", -1.0)));
        Assert.That(Apply(A("sqrt", FA, "invalidValueTreatment=\"asMissing\" defaultValue=\"0\""), ("a", -1.0)), Is.EqualTo("0"));
    }

    [Test]
    public void Logic_IfAndComparisons()
    {
        Assert.That(Apply(A("if", A("greaterThan", FA + FB) + C("yes", "string") + C("no", "string")), ("a", 5.0), ("b", 4.0)), Is.EqualTo("yes"));
        Assert.That(Apply(A("if", A("and", A("isMissing", FB) + A("lessOrEqual", FA + C("5"))) + C("x", "string")), ("a", 5.0)), Is.EqualTo("x"));
        Assert.That(Apply(A("isIn", FS + C("p", "string") + C("q", "string")), ("s", "q")), Is.EqualTo("true"));
        Assert.That(Apply(A("not", A("isNotIn", FS + C("p", "string"))), ("s", "p")), Is.EqualTo("true"));
    }

    [Test]
    public void Strings()
    {
        Assert.That(Apply(A("substring", FS + C("2", "integer") + C("3", "integer")), ("s", "abcdef")), Is.EqualTo("bcd"));
        Assert.That(Apply(A("uppercase", A("trimBlanks", FS)), ("s", "  ab ")), Is.EqualTo("AB"));
        Assert.That(Apply(A("concat", FS + C("-", "string") + FA), ("s", "x"), ("a", 1.5)), Is.EqualTo("x-1.5"));
        Assert.That(Apply(A("replace", FS + C("[0-9]+", "string") + C("#", "string")), ("s", "a12b3")), Is.EqualTo("a#b#"));
        Assert.That(Apply(A("matches", FS + C("^a.c$", "string")), ("s", "abc")), Is.EqualTo("true"));
        Assert.That(Apply(A("formatNumber", FA + C("%08.3f", "string")), ("a", 3.14159)), Is.EqualTo("0003.142"));
        Assert.That(Apply(A("formatNumber", FA + C("%d items", "string")), ("a", 42.0)), Is.EqualTo("42 items"));
    }

    [Test]
    public void Dates()
    {
        Assert.That(Apply(A("dateDaysSinceYear", "<FieldRef field=\"d\"/>" + C("1970", "integer")), ("d", "1970-01-31")), Is.EqualTo("30"));
        Assert.That(Apply(A("formatDatetime", "<FieldRef field=\"d\"/>" + C("%d/%m/%Y", "string")), ("d", "2024-03-05")), Is.EqualTo("05/03/2024"));
        Assert.That(Apply(A("dateSecondsSinceYear", "<FieldRef field=\"d\"/>" + C("2024", "integer")), ("d", "2024-01-02")), Is.EqualTo("86400"));
    }
}
