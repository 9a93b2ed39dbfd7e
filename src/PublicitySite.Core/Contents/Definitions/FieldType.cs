namespace PublicitySite.Contents.Definitions;

/// <summary>The kinds of field a recipe may declare. Values are validated by <see cref="FieldValueValidator"/>.</summary>
public enum FieldType
{
    Text,
    TextArea,
    Markdown,
    Number,
    Boolean,
    Date,
    DateTime,
    Choice,
    TextList,
    Media,
    ContentPicker,
#pragma warning disable CA1720 // The recipe's name for a field holding a JSON object.
    Object,
#pragma warning restore CA1720
    ObjectList,
}
