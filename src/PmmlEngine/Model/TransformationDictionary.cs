using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>Document-wide derived fields and user-defined functions.</summary>
public sealed record TransformationDictionary(ImmutableArray<DerivedField> DerivedFields, ImmutableArray<DefineFunction> Functions)
{
    public static readonly TransformationDictionary Empty = new([], []);
}
