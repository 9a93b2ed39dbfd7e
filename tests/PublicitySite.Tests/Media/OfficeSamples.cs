using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace PublicitySite.Tests.Media;

/// <summary>
/// Word and Excel files made here: the new kinds with the same Open XML library the site exports with, the old
/// kinds as compound files laid out by the specification (header, allocation table, directory, one data
/// sector), so the checks see the structure a real .doc or .xls has.
/// </summary>
public static class OfficeSamples
{
    private const uint Free = 0xFFFFFFFF;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FatSector = 0xFFFFFFFD;

    public static byte[] Docx(string text = "关于加强社区养老服务的建议")
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text(text)))));
        }

        return stream.ToArray();
    }

    public static byte[] Xlsx()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new X.Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new X.Worksheet(new X.SheetData(new X.Row(new X.Cell { CellValue = new X.CellValue("提案"), DataType = X.CellValues.String })));
            workbook.Workbook.AppendChild(new X.Sheets(new X.Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "登记表" }));
        }

        return stream.ToArray();
    }

    /// <summary>A .docx with a VBA project added, as Word writes one saved with macros.</summary>
    public static byte[] DocxWithMacros() => AddEntry(Docx(), "word/vbaProject.bin", [0xCC, 0x61, 0xFF, 0xFF]);

    /// <summary>A macro-enabled document (.docm) renamed: no VBA part name to see, but its content types say it.</summary>
    public static byte[] DocmRenamed()
    {
        using var stream = new MemoryStream();
        stream.Write(Docx());
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("[Content_Types].xml")!;
            string types;
            using (var reader = new StreamReader(entry.Open()))
            {
                types = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open(), new UTF8Encoding(false));
            writer.Write(types.Replace("document.main+xml", "document.macroEnabled.main+xml", StringComparison.Ordinal));
        }

        return stream.ToArray();
    }

    public static byte[] Doc() => CompoundFile("WordDocument", "1Table");

    public static byte[] Xls() => CompoundFile("Workbook");

    public static byte[] DocWithMacros() => CompoundFile("WordDocument", "1Table", "Macros");

    public static byte[] XlsWithMacros() => CompoundFile("Workbook", "_VBA_PROJECT_CUR");

    /// <summary>What Office writes for a password-protected .docx: a compound file around the encrypted package.</summary>
    public static byte[] Encrypted() => CompoundFile("EncryptionInfo", "EncryptedPackage");

    /// <summary>A version 3 compound file: header, sector 0 the allocation table, 1 the directory, 2 the data.</summary>
    public static byte[] CompoundFile(params string[] streams)
    {
        var file = new byte[512 * 4];
        var header = file.AsSpan(0, 512);
        ((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[24..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[44..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[48..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[56..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[60..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[68..], EndOfChain);
        for (var slot = 0; slot < 109; slot++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(76 + (slot * 4))..], slot == 0 ? 0 : Free);
        }

        var fat = file.AsSpan(512, 512);
        fat.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, FatSector);
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(fat[8..], EndOfChain);

        var names = new[] { "Root Entry" }.Concat(streams).ToArray();
        if (names.Length > 4)
        {
            throw new ArgumentException("one directory sector holds four entries", nameof(streams));
        }

        for (var i = 0; i < names.Length; i++)
        {
            var entry = file.AsSpan(1024 + (i * 128), 128);
            var name = Encoding.Unicode.GetBytes(names[i]);
            name.CopyTo(entry);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)(name.Length + 2));
            entry[66] = (byte)(i == 0 ? 5 : 2);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], Free);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], i + 1 < names.Length && i > 0 ? (uint)(i + 1) : Free);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], i == 0 && names.Length > 1 ? 1 : Free);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], i == 1 ? 2 : EndOfChain);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[120..], i == 1 ? 512u : 0);
        }

        Encoding.ASCII.GetBytes("old committee attachment").CopyTo(file, 1536);
        return file;
    }

    private static byte[] AddEntry(byte[] package, string name, byte[] content)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(content);
        }

        return stream.ToArray();
    }
}
