package nl.spiegel.meeting;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value of a view or of what the API returns that may be absent (JSON {@code null}). Every other
 * field is always there; the API description says so, and the browser app's types follow from it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Nullable {}
