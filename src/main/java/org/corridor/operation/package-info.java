/** Operation definitions: the model, reading and validating YAML or JSON files, and writing them back. */
package org.corridor.operation;
