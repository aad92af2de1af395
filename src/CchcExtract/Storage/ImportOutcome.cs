namespace CchcExtract.Storage;

/// <summary>What <see cref="PlanStore.Import"/> did with a document.</summary>
public enum ImportOutcome
{
    /// <summary>The file name was new: its records were added.</summary>
    Imported,
    /// <summary>The file name was known with another content hash: its old records were replaced (one transaction).</summary>
    Replaced,
    /// <summary>The file name was known with the same content hash: nothing changed.</summary>
    Unchanged,
}
