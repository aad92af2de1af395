using System.Text;

namespace CchcExtract.Reading.Fixtures;

/// <summary>Writes an image-only PDF, one JPEG per page at a given resolution (what a scanner produces): for
/// scanned-plan fixtures and test renderings.</summary>
public static class JpegPdfWriter
{
    /// <summary>Writes <paramref name="jpegs"/> as the pages of <paramref name="output"/>, sized by <paramref name="dpi"/>.</summary>
    public static void Write(string output, int dpi, IReadOnlyList<string> jpegs)
    {
        var objs = new List<byte[]>();
        int n = jpegs.Count;
        // 1 catalog, 2 pages, then per page: page, content, image.
        var kids = string.Join(" ", Enumerable.Range(0, n).Select(i => $"{3 + 3 * i} 0 R"));
        objs.Add(Encoding.ASCII.GetBytes("<< /Type /Catalog /Pages 2 0 R >>"));
        objs.Add(Encoding.ASCII.GetBytes($"<< /Type /Pages /Kids [{kids}] /Count {n} >>"));
        foreach (var (jpg, i) in jpegs.Select((j, i) => (j, i)))
        {
            var data = File.ReadAllBytes(jpg);
            var (w, h, comps) = JpegSize(data);
            double pw = w * 72.0 / dpi, ph = h * 72.0 / dpi;
            var content = Encoding.ASCII.GetBytes(FormattableString.Invariant($"q {pw:0.##} 0 0 {ph:0.##} 0 0 cm /Im0 Do Q"));
            objs.Add(Encoding.ASCII.GetBytes(FormattableString.Invariant($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pw:0.##} {ph:0.##}] /Resources << /XObject << /Im0 {5 + 3 * i} 0 R >> >> /Contents {4 + 3 * i} 0 R >>")));
            objs.Add([.. Encoding.ASCII.GetBytes($"<< /Length {content.Length} >>\nstream\n"), .. content, .. Encoding.ASCII.GetBytes("\nendstream")]);
            var cs = comps == 1 ? "/DeviceGray" : "/DeviceRGB";
            objs.Add([.. Encoding.ASCII.GetBytes($"<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace {cs} /BitsPerComponent 8 /Filter /DCTDecode /Length {data.Length} >>\nstream\n"), .. data, .. Encoding.ASCII.GetBytes("\nendstream")]);
        }
        using var fs = File.Create(output);
        void W(byte[] b) => fs.Write(b);
        W(Encoding.ASCII.GetBytes("%PDF-1.4\n"));
        var offsets = new List<long>();
        for (int i = 0; i < objs.Count; i++)
        {
            offsets.Add(fs.Position);
            W(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n")); W(objs[i]); W(Encoding.ASCII.GetBytes("\nendobj\n"));
        }
        long xref = fs.Position;
        var sb = new StringBuilder($"xref\n0 {objs.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append($"{o:D10} 00000 n \n");
        sb.Append($"trailer\n<< /Size {objs.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        W(Encoding.ASCII.GetBytes(sb.ToString()));
    }

    private static (int W, int H, int Comps) JpegSize(byte[] d)
    {
        int i = 2;
        while (i < d.Length)
        {
            if (d[i] != 0xFF) { i++; continue; }
            byte m = d[i + 1];
            int len = (d[i + 2] << 8) | d[i + 3];
            if (m is >= 0xC0 and <= 0xC3) return ((d[i + 7] << 8) | d[i + 8], (d[i + 5] << 8) | d[i + 6], d[i + 9]);
            i += 2 + len;
        }
        throw new InvalidDataException("no JPEG frame header");
    }
}
