import { ObjectNotFound } from '../../../../../../../../features/object/object-not-found';

export default ObjectNotFound;
