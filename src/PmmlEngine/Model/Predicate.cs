using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>A PMML PREDICATE: decides whether a tree node or a segment applies to a record.</summary>
public abstract record Predicate(SourceLocation Location);
