namespace CchcExtract.Storage;

/// <summary>A store problem worth one clear line to the user (schema mismatch, unknown document…).</summary>
public class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A search query that cannot be run: unbalanced quotes, a dangling <c>OR</c>, a lone <c>*</c>,
/// an unknown filter value. The message is meant to be shown to the user as is.
/// </summary>
public sealed class QueryException(string message) : StoreException(message);
