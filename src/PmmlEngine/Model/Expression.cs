using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>A PMML EXPRESSION: the right-hand side of a DerivedField, an OutputField or a function body.</summary>
public abstract record Expression(SourceLocation Location);
