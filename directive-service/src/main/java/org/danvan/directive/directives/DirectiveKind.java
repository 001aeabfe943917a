package org.danvan.directive.directives;

/** The kinds of directive document (văn bản chỉ đạo). */
public enum DirectiveKind {
    RESOLUTION, DIRECTIVE, CONCLUSION, DECISION, REGULATION, OFFICIAL_DISPATCH, PLAN, ACTION_PROGRAMME, SCHEME,
    GUIDANCE
}
