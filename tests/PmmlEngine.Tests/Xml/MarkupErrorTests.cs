using PmmlEngine.Errors;
using PmmlEngine.Evaluation;

namespace PmmlEngine.Tests.Xml;

public sealed class MarkupErrorTests
{
    private const string Fields = """<DataField name="x" optype="continuous" dataType="double"/><DataField name="y" optype="continuous" dataType="double"/>""";

    private static string Regression(string attributes = "", string body = """<NumericPredictor name="x" coefficient="2"/>""") => $"""
        <RegressionModel functionName="regression" {attributes}>
          <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x"/></MiningSchema>
          <RegressionTable intercept="1">{body}</RegressionTable>
        </RegressionModel>
        """;

    [Test]
    public void Load_DocumentWithDtd_RejectedWithLineAndColumn()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE PMML [<!ENTITY x "boom">]>
            <PMML version="4.4"/>
            """;
        var e = Assert.Throws<PmmlMarkupException>(() => Pmml.Load(xml))!;
        Assert.That(e.Kind, Is.EqualTo(MarkupProblemKind.MalformedDocument));
        Assert.That(e.Location.Line, Is.EqualTo(2));
        Assert.That(e.Message, Does.Contain("DTD"));
    }

    [Test]
    public void Load_MalformedAttribute_NamesElementAttributeLineAndColumn()
    {
        var e = Assert.Throws<PmmlMarkupException>(() => Pmml.Load(Pmml.Document(Fields, Regression(body: """<NumericPredictor name="x" coefficient="two"/>"""))))!;
        Assert.That(e.Kind, Is.EqualTo(MarkupProblemKind.InvalidAttribute));
        Assert.That(e.Location.ElementPath, Does.EndWith("NumericPredictor@coefficient"));
        Assert.That(e.Location.Line, Is.EqualTo(9));
        Assert.That(e.Location.Column, Is.GreaterThan(1));
        Assert.That(e.Message, Does.Contain("'two' is not a number"));
    }

    [Test]
    public void Load_UnknownModelType_UnsupportedElementWithLocation()
    {
        var e = Assert.Throws<PmmlMarkupException>(() => Pmml.Load(Pmml.Document(Fields, """<FancyModel functionName="regression"/>""")))!;
        Assert.That(e.Kind, Is.EqualTo(MarkupProblemKind.UnsupportedElement));
        Assert.That(e.Location.ElementPath, Is.EqualTo("PMML/FancyModel"));
        Assert.That(e.Location.Line, Is.EqualTo(7));
    }

    [Test]
    public void Load_UnsupportedPartOfAFamily_NamesThePart()
    {
        var model = """<TimeSeriesModel functionName="timeSeries"><MiningSchema/><GARCH/></TimeSeriesModel>""";
        var e = Assert.Throws<PmmlMarkupException>(() => Pmml.Load(Pmml.Document(Fields, model)))!;
        Assert.That(e.Kind, Is.EqualTo(MarkupProblemKind.UnsupportedElement));
        Assert.That(e.Message, Does.Contain("GARCH").And.Contain("not supported yet"));
        Assert.That(e.Location.ElementPath, Is.EqualTo("PMML/TimeSeriesModel"));
    }

    [Test]
    public void Load_SeveralProblems_AllReportedTogether()
    {
        var model = Regression("normalizationMethod=\"sideways\"", """<NumericPredictor name="nope" coefficient="2"/><NumericPredictor name="x" coefficient="?"/>""");
        var e = Assert.Throws<PmmlMarkupException>(() => Pmml.Load(Pmml.Document(Fields, model)))!;
        Assert.That(e.Problems, Has.Count.EqualTo(2), e.Message);
        Assert.That(e.Message, Does.Contain("sideways").And.Contain("'?' is not a number"));
    }

    [Test]
    public void Load_UndefinedField_PlanningErrorWithLocation()
    {
        var e = Assert.Throws<PmmlMarkupException>(() => Pmml.Load(Pmml.Document(Fields, Regression(body: """<NumericPredictor name="nope" coefficient="2"/>"""))))!;
        Assert.That(e.Message, Does.Contain("'nope' is not defined"));
        Assert.That(e.Location.Line, Is.EqualTo(7));
    }

    [Test]
    public void Load_CyclicDerivedFields_Rejected()
    {
        var model = """
            <RegressionModel functionName="regression">
              <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x"/></MiningSchema>
              <LocalTransformations>
                <DerivedField name="a" optype="continuous" dataType="double"><FieldRef field="b"/></DerivedField>
                <DerivedField name="b" optype="continuous" dataType="double"><FieldRef field="a"/></DerivedField>
              </LocalTransformations>
              <RegressionTable intercept="1"><NumericPredictor name="a" coefficient="2"/></RegressionTable>
            </RegressionModel>
            """;
        var e = Assert.Throws<PmmlMarkupException>(() => Pmml.Load(Pmml.Document(Fields, model)))!;
        Assert.That(e.Message, Does.Contain("depends on itself"));
    }

    [Test]
    public void Load_NotXml_MalformedDocument()
    {
        var e = Assert.Throws<PmmlMarkupException>(() => Pmml.Load("<PMML><DataDictionary></PMML>"))!;
        Assert.That(e.Kind, Is.EqualTo(MarkupProblemKind.MalformedDocument));
        Assert.That(e.Location.Line, Is.EqualTo(1));
    }

    [TestCase("http://www.dmg.org/PMML-3_2")]
    [TestCase("http://www.dmg.org/PMML-4_1")]
    [TestCase("")]
    public void Load_OtherPmmlNamespaces_Accepted(string ns)
    {
        var xml = Pmml.Document(Fields, Regression()).Replace("http://www.dmg.org/PMML-4_4", ns, StringComparison.Ordinal);
        if (ns.Length == 0)
            xml = xml.Replace(" xmlns=\"\"", "", StringComparison.Ordinal);
        var result = Pmml.Load(xml).Evaluate(Pmml.Row(("x", 2.0)));
        Assert.That(result["y"], Is.EqualTo(5.0));
    }

    [TestCase("NaN")]
    [TestCase("Infinity")]
    [TestCase("-INF")]
    public void Load_NonFiniteCoefficient_NamesTheAttribute(string literal)
    {
        var e = Assert.Throws<PmmlMarkupException>(() => Pmml.Load(Pmml.Document(Fields, Regression(body: $"""<NumericPredictor name="x" coefficient="{literal}"/>"""))))!;
        Assert.That(e.Message, Does.Contain($"'{literal}' is not a finite number"));
        Assert.That(e.Location.ElementPath, Does.EndWith("NumericPredictor@coefficient"));
    }

    [Test]
    public void Load_NaNSplitValue_IsAnError_ButInfiniteSplitsAreProducersOwn()
    {
        static string Tree(string value) => $"""
            <TreeModel functionName="regression"><MiningSchema><MiningField name="x"/></MiningSchema>
              <Node><True/><Node score="1"><SimplePredicate field="x" operator="lessOrEqual" value="{value}"/></Node></Node>
            </TreeModel>
            """;
        var e = Assert.Throws<PmmlMarkupException>(() => Pmml.Load(Pmml.Document(Fields, Tree("NaN"))))!;
        Assert.That(e.Message, Does.Contain("'NaN' is not a number a model can compare with"));
        Assert.That(Pmml.Load(Pmml.Document(Fields, Tree("Infinity"))).Evaluate(Pmml.Row(("x", 1e300))).Count, Is.EqualTo(0));
    }

    [TestCase("99999999999999999999", "'99999999999999999999' is not an integer")]
    [TestCase("2.5", "'2.5' is not an integer")]
    [TestCase("3", "Array declares n=3 but holds 2 items")]
    public void Load_ArrayCountThatIsNotItsLength_NamesTheArray(string n, string message)
    {
        var model = $"""
            <TreeModel functionName="regression"><MiningSchema><MiningField name="x"/></MiningSchema>
              <Node score="0"><True/><Node score="1"><SimpleSetPredicate field="x" booleanOperator="isIn"><Array n="{n}" type="real">1 2</Array></SimpleSetPredicate></Node></Node>
            </TreeModel>
            """;
        var e = Assert.Throws<PmmlMarkupException>(() => Pmml.Load(Pmml.Document(Fields, model)))!;
        Assert.That(e.Message, Does.Contain(message));
        Assert.That(e.Location.ElementPath, Does.Contain("SimpleSetPredicate/Array"));
    }

    [Test]
    public void Load_DuplicateMiningField_NamesIt()
    {
        var model = """<RegressionModel functionName="regression"><MiningSchema><MiningField name="x"/><MiningField name="x"/></MiningSchema><RegressionTable intercept="1"/></RegressionModel>""";
        var e = Assert.Throws<PmmlMarkupException>(() => Pmml.Load(Pmml.Document(Fields, model)))!;
        Assert.That(e.Message, Does.Contain("MiningField 'x' is listed twice"));
        Assert.That(e.Location.ElementPath, Does.EndWith("MiningField[2]"));
    }

    private static PmmlEvaluator LoadWith(string document, DocumentLimits limits) =>
        PmmlEvaluator.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document)), new EvaluatorOptions { Limits = limits });

    [Test]
    public void Load_OverTheSizeLimit_IsRefusedBeforeParsing()
    {
        var document = Pmml.Document(Fields, Regression(attributes: $"modelName=\"{new string('m', 10_000)}\""));
        var e = Assert.Throws<PmmlMarkupException>(() => LoadWith(document, new DocumentLimits { MaxDocumentBytes = 5_000 }))!;
        Assert.That(e.Message, Does.Contain("larger than the limit of 5000 bytes"));
    }

    [Test]
    public void Load_OverTheDepthLimit_NamesTheLine()
    {
        var model = """<TreeModel functionName="regression"><MiningSchema><MiningField name="x"/></MiningSchema><Node><True/>"""
            + string.Concat(Enumerable.Repeat("\n<Node score=\"1\"><True/>", 30)) + string.Concat(Enumerable.Repeat("</Node>", 30)) + "</Node></TreeModel>";
        var e = Assert.Throws<PmmlMarkupException>(() => LoadWith(Pmml.Document(Fields, model), new DocumentLimits { MaxDepth = 20 }))!;
        Assert.That(e.Message, Does.Contain("deeper than 20 levels"));
        Assert.That(e.Location.Line, Is.GreaterThan(7));
    }

    [Test]
    public void Load_OverTheElementLimit_IsRefused()
    {
        var e = Assert.Throws<PmmlMarkupException>(() => LoadWith(Pmml.Document(Fields, Regression()), new DocumentLimits { MaxElements = 5 }))!;
        Assert.That(e.Message, Does.Contain("more than 5 elements"));
    }

    [TestCase("""<!DOCTYPE PMML [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>""")]
    [TestCase("""<!DOCTYPE PMML [<!ENTITY secret SYSTEM "file:///etc/passwd">]>""")]
    [TestCase("""<!DOCTYPE PMML SYSTEM "http://example.com/pmml.dtd">""")]
    public void Load_EntityExpansionAndExternalEntities_RefusedAsDtds(string doctype)
    {
        var document = $"""<?xml version="1.0"?>{doctype}<PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/><DataDictionary/></PMML>""";
        var e = Assert.Throws<PmmlMarkupException>(() => Pmml.Load(document))!;
        Assert.That(e.Message, Does.Contain("DTDs are not allowed"));
    }
}
