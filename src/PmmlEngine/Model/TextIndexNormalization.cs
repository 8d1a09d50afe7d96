using System.Collections.Immutable;
using PmmlEngine.Errors;
using PmmlEngine.Types;

namespace PmmlEngine.Model;

/// <summary>A table of replacements applied to the text (and the term) before tokens are counted.</summary>
public sealed record TextIndexNormalization(
    InlineTable Table,
    string InField,
    string OutField,
    string RegexField,
    bool Recursive,
    TextIndexOptions Options);
