export {
  ESTATES_DIR_VARIABLE,
  estateDir,
  estateFile,
  estateFiles,
  estatesDir,
  missingEstateReason,
} from './estates';
export { describeWithEstate } from './describeWithEstate';
export { sealingPublicKeyPem, unsealValue } from './sealedSecrets';
