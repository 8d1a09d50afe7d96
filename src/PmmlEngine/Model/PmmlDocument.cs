using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>An immutable PMML document: what the file says, with names still unresolved.</summary>
public sealed record PmmlDocument(
    string Version,
    ImmutableArray<DataField> DataDictionary,
    TransformationDictionary Transformations,
    ModelElement Model);
