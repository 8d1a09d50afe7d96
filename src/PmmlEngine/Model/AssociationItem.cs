namespace PmmlEngine.Model;

/// <summary>
/// An Item: its value in a transaction, or (PMML 4.4, non-transactional data) the field whose value <see cref="Category"/>
/// (else <see cref="Value"/>) makes the item present.
/// </summary>
public sealed record AssociationItem(string Id, string Value, string? Field, string? Category, string? MappedValue);
