using System.IO.Compression;
using CchcExtract.Text;

namespace CchcExtract.Repair;

/// <summary>One learned OCR confusion: the source syllable and log P(OCR token | syllable).</summary>
public readonly record struct Confusion(int Target, float LogP);

/// <summary>
/// Everything the repairer knows, trained by <see cref="RepairTrainer"/> and stored in
/// <c>models/repair.bin</c>: the syllable vocabulary (ids shared with the language model), the
/// syllable inventory grouped by accent-free key, the syllable trigram LM, the learned token
/// confusion table and character channel, and the document-code parts (<c>QĐ</c>, <c>HĐND</c>).
/// </summary>
public sealed class RepairModel
{
    private const int Magic = 0x43485250; // "PRHC"
    private const int Version = 2;

    public RepairModel(string[] words, bool[] isSyllable, SyllableLm lm, Dictionary<string, Confusion[]> confusions,
        CharChannel chars, Dictionary<string, string> codeParts, float[]? capitalShare = null)
    {
        Words = words; IsSyllable = isSyllable; Lm = lm; Confusions = confusions; Chars = chars; CodeParts = codeParts;
        CapitalShare = capitalShare ?? new float[words.Length];
        Ids = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++) Ids.TryAdd(words[i], i);
        var byFold = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++)
        {
            if (!isSyllable[i]) continue;
            var k = VietnameseText.Fold(words[i]);
            if (!byFold.TryGetValue(k, out var l)) byFold[k] = l = [];
            l.Add(i);
        }
        ByFold = byFold.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(lm.Unigram).ToArray(), StringComparer.Ordinal);
        var near = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var k in ByFold.Keys)
            foreach (var d in Deletes(k))
            {
                if (!near.TryGetValue(d, out var l)) near[d] = l = [];
                if (!l.Contains(k)) l.Add(k);
            }
        NearKeys = near.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        var near2 = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var k in ByFold.Keys)
            foreach (var d1 in Deletes(k))
                foreach (var d2 in Deletes(d1))
                {
                    if (!near2.TryGetValue(d2, out var set)) near2[d2] = set = new HashSet<string>(StringComparer.Ordinal);
                    set.Add(k);
                }
        NearKeys2 = near2.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Vocabulary (lower-case syllable keys); index = LM word id.</summary>
    public string[] Words { get; }
    public Dictionary<string, int> Ids { get; }
    /// <summary>True when the word is a Vietnamese syllable of the inventory.</summary>
    public bool[] IsSyllable { get; }
    public SyllableLm Lm { get; }
    /// <summary>Lower-case OCR token → source syllables it was seen to come from, with log P(token | syllable).</summary>
    public Dictionary<string, Confusion[]> Confusions { get; }
    public CharChannel Chars { get; }
    /// <summary>Accent-free key of a document-code part → its proper spelling (<c>qd</c> → <c>QĐ</c>).</summary>
    public Dictionary<string, string> CodeParts { get; }
    /// <summary>
    /// Per word id: log share of its mid-sentence occurrences in training text written with an initial
    /// capital (name syllables such as <c>Định</c> high, <c>định</c> of <c>quy định</c> low); all 0 in an old model.
    /// </summary>
    public float[] CapitalShare { get; }
    /// <summary>Accent-free key → syllable ids with that key, most frequent first.</summary>
    public Dictionary<string, int[]> ByFold { get; }
    /// <summary>Key with one letter deleted (or the key itself) → keys it comes from (for edit-distance lookup).</summary>
    public Dictionary<string, string[]> NearKeys { get; }

    /// <summary>Key with up to two letters deleted → keys it comes from (fallback for badly damaged words: <c>dtmg</c> → <c>dung</c>).</summary>
    public Dictionary<string, string[]> NearKeys2 { get; }

    /// <summary>The key itself and its one-letter deletions.</summary>
    public static IEnumerable<string> Deletes(string k)
    {
        yield return k;
        for (int i = 0; i < k.Length; i++) yield return k.Remove(i, 1);
    }

    /// <summary>Id of a lower-case syllable key, or <see cref="SyllableLm.Unk"/>.</summary>
    public int IdOf(string key) => Ids.TryGetValue(key, out var id) ? id : SyllableLm.Unk;

    /// <summary>True when the lower-case key is an inventory syllable.</summary>
    public bool IsValid(string key) => Ids.TryGetValue(key, out var id) && IsSyllable[id];

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var fs = File.Create(path);
        using var gz = new BrotliStream(fs, CompressionLevel.Optimal);
        using var w = new BinaryWriter(new BufferedStream(gz, 1 << 20));
        w.Write(Magic); w.Write(Version);
        w.Write(Words.Length);
        for (int i = 0; i < Words.Length; i++) { w.Write(Words[i]); w.Write(IsSyllable[i]); }
        Lm.Write(w);
        w.Write(Confusions.Count);
        foreach (var (o, list) in Confusions)
        {
            w.Write(o); w.Write(list.Length);
            foreach (var c in list) { w.Write(c.Target); w.Write(c.LogP); }
        }
        Chars.Write(w);
        w.Write(CodeParts.Count);
        foreach (var (k, v) in CodeParts) { w.Write(k); w.Write(v); }
        foreach (var x in CapitalShare) w.Write(x);
    }

    public static RepairModel Load(string path)
    {
        using var fs = File.OpenRead(path);
        using var gz = new BrotliStream(fs, CompressionMode.Decompress);
        using var r = new BinaryReader(new BufferedStream(gz, 1 << 20));
        int magic = r.ReadInt32(), version = r.ReadInt32();
        if (magic != Magic || version is not (1 or Version)) throw new InvalidDataException(path + " is not a repair model of version 1 or " + Version);
        int n = r.ReadInt32();
        var words = new string[n]; var syl = new bool[n];
        for (int i = 0; i < n; i++) { words[i] = r.ReadString(); syl[i] = r.ReadBoolean(); }
        var lm = SyllableLm.Read(r);
        var conf = new Dictionary<string, Confusion[]>(StringComparer.Ordinal);
        for (int c = r.ReadInt32(); c > 0; c--)
        {
            var o = r.ReadString(); var list = new Confusion[r.ReadInt32()];
            for (int j = 0; j < list.Length; j++) list[j] = new Confusion(r.ReadInt32(), r.ReadSingle());
            conf[o] = list;
        }
        var chars = CharChannel.Read(r);
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int c = r.ReadInt32(); c > 0; c--) codes[r.ReadString()] = r.ReadString();
        float[]? capital = null;
        if (version >= 2)
        {
            capital = new float[n];
            var bytes = r.ReadBytes(n * 4);
            Buffer.BlockCopy(bytes, 0, capital, 0, bytes.Length);
        }
        return new RepairModel(words, syl, lm, conf, chars, codes, capital);
    }

    /// <summary>File name of the committed model inside <c>models/</c>.</summary>
    public const string FileName = "repair.bin";

    /// <summary>
    /// Finds <c>models/repair.bin</c>: <c>CCHC_REPAIR_MODEL</c>, the repository's <c>models/</c> above the
    /// application, a copy beside the application (the CLI output gets one), or a <c>models/</c>
    /// folder above the current directory.
    /// </summary>
    public static string? FindDefaultPath()
    {
        var env = Environment.GetEnvironmentVariable("CCHC_REPAIR_MODEL");
        if (!string.IsNullOrEmpty(env) && File.Exists(env)) return env;
        // The repository's models/ first (a checkout keeps the freshest model there), then a copy beside the app.
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var p = Path.Combine(d.FullName, "models", FileName);
            if (File.Exists(Path.Combine(d.FullName, "CchcExtract.sln")) && File.Exists(p)) return p;
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                var p = Path.Combine(d.FullName, "models", FileName);
                if (File.Exists(p)) return p;
            }
        }
        return null;
    }

    private static readonly Lazy<RepairModel> Default = new(() =>
        Load(FindDefaultPath() ?? throw new FileNotFoundException("models/" + FileName + " not found; run `cchc train`")));

    /// <summary>The committed model, loaded once.</summary>
    public static RepairModel LoadDefaultModel() => Default.Value;

    /// <summary>
    /// A repairer over the committed model (the factory the import pipeline uses). Prefer its
    /// <see cref="NoisyChannelRepairer.RepairDocument"/> for whole documents: the mode is then decided
    /// over all lines, so every line of an OCR-damaged scan is repaired.
    /// </summary>
    public static NoisyChannelRepairer LoadDefault() => new(Default.Value);
}
