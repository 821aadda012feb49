package org.corridor.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.corridor.ledger.DefinitionChange;

/** What storing an operation definition did, and the definition as stored. */
public record DefinitionResult(String operationId, DefinitionChange change, JsonNode definition) {}
