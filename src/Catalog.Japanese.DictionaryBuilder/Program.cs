using Catalog.Japanese.DictionaryBuilder;

// Usage: DictionaryBuilder <ipadic source dir> <output file>
// e.g. dotnet run --project src/Catalog.Japanese.DictionaryBuilder -c Release -- \
//        /usr/share/mecab/dic/ipadic src/Catalog.Japanese/Resources/ipadic.dict.br
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Catalog.Japanese.DictionaryBuilder <ipadic-source-dir> <output-file>");
    return 2;
}
var stopwatch = System.Diagnostics.Stopwatch.StartNew();
var data = IpadicCompiler.Compile(args[0], Console.Out);
using (var output = File.Create(args[1]))
{
    data.Write(output);
}
Console.WriteLine($"wrote {args[1]} ({new FileInfo(args[1]).Length:N0} bytes) in {stopwatch.Elapsed.TotalSeconds:F1} s");
return 0;
