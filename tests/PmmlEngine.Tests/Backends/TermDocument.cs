namespace PmmlEngine.Tests.Backends;

/// <summary>
/// Documents over term fields as sklearn2pmml writes text pipelines: a function <c>tf</c> over (document, term) whose
/// body is a TextIndex, times a weight argument for TF-IDF, and a derived field <c>t0, t1, …</c> per term over the
/// lowercased field "text". Weights alternate in sign, so a term that does not occur is +0 or -0.
/// </summary>
internal static class TermDocument
{
    /// <param name="terms">The terms, one field each.</param>
    /// <param name="weights">localTermWeights.</param>
    /// <param name="weighted">Whether the function multiplies the TextIndex by a weight argument (TfidfVectorizer).</param>
    /// <param name="resultType">The function's dataType, or null.</param>
    /// <param name="model">The model element, given its MiningSchema and its LocalTransformations.</param>
    public static string Build(string[] terms, string weights, bool weighted, string? resultType, Func<string, string, string> model)
    {
        var type = resultType is null ? "" : $""" dataType="{resultType}" """;
        var index = $"""<TextIndex textField="document" localTermWeights="{weights}"><FieldRef field="term"/></TextIndex>""";
        var body = weighted ? $"""<Apply function="*">{index}<FieldRef field="weight"/></Apply>""" : index;
        var fields = string.Concat(terms.Select((term, i) => $"""
            <DerivedField name="t{i}" optype="continuous" dataType="double">
              <Apply function="tf"><FieldRef field="lower"/><Constant dataType="string">{term}</Constant>{(weighted ? $"<Constant dataType=\"double\">{(i % 2 == 0 ? 1 : -1) * (1.5 + i * 0.75)}</Constant>" : "")}</Apply>
            </DerivedField>
            """));
        return Pmml.Document("""
            <DataField name="text" optype="categorical" dataType="string"/><DataField name="y" optype="continuous" dataType="double"/>
            """, $"""
            <TransformationDictionary>
              <DefineFunction name="tf" optype="continuous"{type}>
                <ParameterField name="document"/><ParameterField name="term"/>{(weighted ? "<ParameterField name=\"weight\"/>" : "")}
                {body}
              </DefineFunction>
            </TransformationDictionary>
            {model("""<MiningSchema><MiningField name="text"/><MiningField name="y" usageType="target"/></MiningSchema>""", $"""
                <LocalTransformations>
                  <DerivedField name="lower" optype="categorical" dataType="string"><Apply function="lowercase"><FieldRef field="text"/></Apply></DerivedField>
                  {fields}
                </LocalTransformations>
                """)}
            """);
    }
}
