#:project ../src/CchcExtract/CchcExtract.csproj
#:property PublishAot=false
// dotnet run scripts/make-fixtures.cs SRC OUTDIR          → .docx, .txt and TCVN3 .txt from a plan source
// dotnet run scripts/make-fixtures.cs --docx SRC.txt OUT.docx  → any plan text as .docx (labels kept as typed)
// dotnet run scripts/make-fixtures.cs --jpeg-pdf OUT.pdf DPI A.jpg B.jpg…  → an image-only PDF, one JPEG per page
using System.Text;
using CchcExtract.Reading.Fixtures;
using CchcExtract.Reading.Legacy;

if (args[0] == "--docx")
{
    // --docx SRC.txt OUT.docx: any plan text (e.g. a seed) as .docx with its typed labels kept.
    PlanDocxWriter.Write(File.ReadAllText(args[1]), args[2], autoNumbering: false);
    return;
}
if (args[0] == "--jpeg-pdf")
{
    JpegPdfWriter.Write(args[1], int.Parse(args[2]), args[3..]);
    return;
}
var src = args[0];
var outDir = args[1];
var name = Path.GetFileName(src).Replace(".src.txt", "");
var text = File.ReadAllText(src);
PlanDocxWriter.Write(text, Path.Combine(outDir, name + ".docx"));
var expected = string.Join("\n", PlanDocxWriter.ExpectedText(text)) + "\n";
File.WriteAllText(Path.Combine(outDir, name + ".txt"), expected);
File.WriteAllBytes(Path.Combine(outDir, name + ".tcvn3.txt"), LegacyCodec.Encode(expected, LegacyEncoding.Tcvn3));
Console.WriteLine($"wrote {name}.docx, {name}.txt, {name}.tcvn3.txt");
