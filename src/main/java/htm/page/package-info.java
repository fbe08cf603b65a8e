/**
 * The worklist page for people and its sign-in.
 */
package htm.page;
