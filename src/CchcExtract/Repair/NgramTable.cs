using System.Runtime.InteropServices;

namespace CchcExtract.Repair;

/// <summary>
/// Open-addressing hash table from a packed n-gram key (order tag + up to three 20-bit word ids)
/// to a log-probability and a back-off weight, both stored as <see cref="Half"/>.
/// Keys are exact (no hashing collisions change answers); arrays serialise as raw bytes.
/// </summary>
public sealed class NgramTable
{
    private readonly ulong[] _keys;
    private readonly Half[] _logp;
    private readonly Half[] _backoff;
    // Half→float conversion is done once at load: lookups are the decoder's hot path.
    private readonly float[] _logpF;
    private readonly float[] _backoffF;
    private readonly int _mask;

    private NgramTable(ulong[] keys, Half[] logp, Half[] backoff)
    {
        _keys = keys; _logp = logp; _backoff = backoff; _mask = keys.Length - 1;
        _logpF = new float[logp.Length];
        _backoffF = new float[backoff.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] == 0) continue;
            _logpF[i] = (float)logp[i]; _backoffF[i] = (float)backoff[i];
        }
    }

    /// <summary>Number of stored n-grams.</summary>
    public int Count { get; private init; }

    /// <summary>Packs a bigram key.</summary>
    public static ulong Key(int a, int b) => (2UL << 62) | ((ulong)a << 20) | (uint)b;

    /// <summary>Packs a trigram key.</summary>
    public static ulong Key(int a, int b, int c) => (3UL << 62) | ((ulong)a << 40) | ((ulong)b << 20) | (uint)c;

    private static int Slot(ulong key, int mask) => (int)((key * 0x9E3779B97F4A7C15UL) >> 40) & mask;

    /// <summary>Looks a key up.</summary>
    public bool TryGet(ulong key, out float logp, out float backoff)
    {
        int i = Slot(key, _mask);
        while (true)
        {
            var k = _keys[i];
            if (k == key) { logp = _logpF[i]; backoff = _backoffF[i]; return true; }
            if (k == 0) { logp = 0; backoff = 0; return false; }
            i = (i + 1) & _mask;
        }
    }

    /// <summary>Builds a table from entries.</summary>
    public static NgramTable Build(IReadOnlyCollection<(ulong Key, float LogP, float Backoff)> entries)
    {
        int cap = 16;
        while (cap < entries.Count * 10 / 7 + 1) cap <<= 1;
        var keys = new ulong[cap];
        var lp = new Half[cap];
        var bo = new Half[cap];
        foreach (var (key, l, b) in entries)
        {
            int i = Slot(key, cap - 1);
            while (keys[i] != 0 && keys[i] != key) i = (i + 1) & (cap - 1);
            keys[i] = key; lp[i] = (Half)l; bo[i] = (Half)b;
        }
        return new NgramTable(keys, lp, bo) { Count = entries.Count };
    }

    /// <summary>Writes the table.</summary>
    public void Write(BinaryWriter w)
    {
        w.Write(_keys.Length);
        w.Write(Count);
        w.Write(MemoryMarshal.AsBytes(_keys.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(_logp.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(_backoff.AsSpan()));
    }

    /// <summary>Reads a table written by <see cref="Write"/>.</summary>
    public static NgramTable Read(BinaryReader r)
    {
        int cap = r.ReadInt32();
        int count = r.ReadInt32();
        var keys = new ulong[cap];
        var lp = new Half[cap];
        var bo = new Half[cap];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(keys.AsSpan()));
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(lp.AsSpan()));
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(bo.AsSpan()));
        return new NgramTable(keys, lp, bo) { Count = count };
    }
}
