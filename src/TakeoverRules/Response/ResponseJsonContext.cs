using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using TakeoverRules.Prevention;

namespace TakeoverRules.Response;

/// <summary>Source-generated JSON for the response and prevention types (trimming- and NativeAOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    MaxDepth = 32)]
[JsonSerializable(typeof(ResponseProgress))]
[JsonSerializable(typeof(ResponsePlan))]
[JsonSerializable(typeof(SecurityPosture))]
internal sealed partial class ResponseJsonContext : JsonSerializerContext
{
    // Japanese text stays readable in written JSON; the encoder still escapes HTML-sensitive characters. Built on first
    // use because Default is not yet initialized while this class's static fields are; a racing second copy is harmless.
    private static JsonSerializerOptions Readable => field ??= new(Default.Options) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Serializes <paramref name="value"/> with Japanese left unescaped.</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Readable.GetTypeInfo(typeof(T)));
}
