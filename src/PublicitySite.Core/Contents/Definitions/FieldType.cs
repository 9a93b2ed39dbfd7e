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
    Object,
    ObjectList,
}
