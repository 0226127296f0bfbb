using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace TakeoverRules;

/// <summary>Writes JSON through a pillar's source-generated context with Japanese left unescaped.</summary>
/// <param name="contextOptions">The context's options.</param>
/// <remarks>Thread-safe.</remarks>
internal sealed class ReadableJson(JsonSerializerOptions contextOptions)
{
    // The encoder still escapes HTML-sensitive characters.
    private readonly JsonSerializerOptions _options = new(contextOptions) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Serializes <paramref name="value"/>, which the context must know.</summary>
    public string Write<T>(T value) => JsonSerializer.Serialize(value, (JsonTypeInfo<T>)_options.GetTypeInfo(typeof(T)));
}
