using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>Rows of cells keyed by the cell element's local name (namespaced cells such as data:x are read as x).</summary>
public sealed record InlineTable(ImmutableArray<ImmutableDictionary<string, string>> Rows);
